-- Accounts and routing: the source of truth that Dovecot and Postfix read live.

create table mail_domain (
    name        varchar(253) primary key,
    active      boolean      not null default true
);

create table establishment (
    uai         varchar(8)   primary key,  -- code UAI, e.g. 0380089T
    name        varchar(200) not null,
    town        varchar(100) not null
);

create table quota_class (
    code          varchar(32)  primary key,
    label         varchar(100) not null,
    storage_mb    integer      not null check (storage_mb > 0),
    attachment_mb integer      not null check (attachment_mb > 0)
);

insert into quota_class (code, label, storage_mb, attachment_mb) values
    ('standard', 'Personnel (standard)', 2048, 10),
    ('etendu', 'Direction et services (étendu)', 10240, 25),
    ('fonctionnelle', 'Boîte fonctionnelle', 5120, 25);

create table account (
    id                bigserial    primary key,
    username          varchar(64)  not null unique,   -- identifiant prenom.nom (Keycloak username)
    address           varchar(254) not null unique,   -- prenom.nom@domaine
    display_name      varchar(200) not null,
    establishment_uai varchar(8)   references establishment (uai),
    quota_class       varchar(32)  not null default 'standard' references quota_class (code),
    enabled           boolean      not null default true,
    created_at        timestamptz  not null default now(),
    check (address = lower(address) and position('@' in address) > 1)
);

create index account_establishment_idx on account (establishment_uai);

create table alias (
    address     varchar(254) primary key,
    account_id  bigint       not null references account (id) on delete cascade,
    created_at  timestamptz  not null default now(),
    check (address = lower(address))
);

create table user_setting (
    account_id  bigint       not null references account (id) on delete cascade,
    name        varchar(64)  not null,
    value       text         not null,
    primary key (account_id, name)
);
