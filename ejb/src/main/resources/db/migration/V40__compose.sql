-- Writing mail (issue 4): signatures, reply templates ("modèles") and the recent correspondents that feed the
-- recipient autocomplete. Each row belongs to one account and goes with it.

create table mail_signature (
    id          bigserial    primary key,
    account_id  bigint       not null references account (id) on delete cascade,
    name        varchar(100) not null,
    body_html   text         not null,
    is_default  boolean      not null default false,
    created_at  timestamptz  not null default now(),
    unique (account_id, name)
);

-- At most one default signature per account.
create unique index mail_signature_default_idx on mail_signature (account_id) where is_default;

create table mail_template (
    id          bigserial    primary key,
    account_id  bigint       not null references account (id) on delete cascade,
    name        varchar(100) not null,
    body_html   text         not null,
    created_at  timestamptz  not null default now(),
    unique (account_id, name)
);

create table recent_correspondent (
    account_id    bigint       not null references account (id) on delete cascade,
    address       varchar(254) not null,
    display_name  varchar(200),
    last_used_at  timestamptz  not null default now(),
    use_count     integer      not null default 1,
    primary key (account_id, address),
    check (address = lower(address))
);

create index recent_correspondent_recent_idx on recent_correspondent (account_id, last_used_at desc);
