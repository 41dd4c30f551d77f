-- Provisional passwords issued by an administrator (fr.preau.identity.ProvisionalAccountService). Keycloak holds
-- the password itself; this row only says when it was issued, so that the nightly job can make a provisional
-- password that was never used stop working after identity.provisional-password.days (default 14).
create table provisional_password (
    username    varchar(64)  primary key references account (username) on delete cascade,
    issued_at   timestamptz  not null default now(),
    issued_by   varchar(64),
    expired_at  timestamptz  -- set when the nightly job removed the unused password from Keycloak
);
