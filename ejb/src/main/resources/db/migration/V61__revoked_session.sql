-- Keycloak sessions a user ended from "Mes sessions" (fr.preau.identity.SessionRevocations). Keycloak forgets the
-- session at once, but a portal session opened with it keeps its tokens until they expire: the portal checks this
-- table at each page and signs such a browser out. Rows older than the realm's SSO max lifespan (10 h) are useless
-- and pruned.
create table revoked_session (
    sid         varchar(64)  primary key,   -- Keycloak user session id (the tokens' "sid" claim)
    revoked_at  timestamptz  not null default now()
);
