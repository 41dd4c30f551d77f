-- Password recovery through a personal address (ADR 0065). The portal owns recovery: Keycloak's own
-- reset-credentials flow would mail the academic address, which the user cannot read without their password.
-- Tokens are 256 random bits mailed once and stored only as their SHA-256 (hex).

-- The personal address a user registered on "Mon compte › Sécurité"; usable once verified.
create table recovery_address (
    username           varchar(64)  primary key references account (username) on delete cascade,
    address            varchar(254) not null,
    verified_at        timestamptz,
    verify_token_hash  char(64)     unique,   -- cleared when verified
    verify_expires_at  timestamptz,
    updated_at         timestamptz  not null default now()
);

-- Reset links: single use (used_at), short-lived (expires_at); rows also serve the rate limit.
create table recovery_token (
    token_hash  char(64)     primary key,
    username    varchar(64)  not null references account (username) on delete cascade,
    created_at  timestamptz  not null default now(),
    expires_at  timestamptz  not null,
    used_at     timestamptz
);

create index recovery_token_user_idx on recovery_token (username, created_at);
