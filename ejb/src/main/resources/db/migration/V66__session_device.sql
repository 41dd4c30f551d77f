-- The browser each portal session signed in with ("Mes sessions", issue 5):
-- Keycloak's admin API lists a user's sessions without their User-Agent, so
-- the portal writes it at sign-in, keyed by Keycloak's session id (the sid
-- claim). Rows older than 60 days are deleted at each sign-in; a session
-- never lasts that long.
create table session_device (
    session_id  varchar(64)  primary key,
    username    varchar(255) not null,
    user_agent  varchar(512) not null,
    created_at  timestamptz  not null default now()
);
create index session_device_created on session_device (created_at);
