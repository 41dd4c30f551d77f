-- Large files sent as a download link (capability MAIL-5). The file itself lives on disk in the storage folder
-- (PREAU_LARGE_FILES_DIR); the row keeps its metadata. Only the SHA-256 of the link's token is stored, so the
-- database alone never gives a working link. The nightly job purge-large-files deletes expired files and sets
-- deleted_at; rows are kept (download counts, audit).
create table large_file (
    id            bigserial     primary key,
    account_id    bigint        not null references account (id) on delete cascade,
    token_hash    varchar(64)   unique,
    file_name     varchar(255)  not null,
    content_type  varchar(255)  not null,
    declared_size bigint        not null check (declared_size >= 0),
    size_bytes    bigint        not null default 0,
    storage_name  varchar(64)   not null unique,
    complete      boolean       not null default false,
    created_at    timestamptz   not null default now(),
    expires_at    timestamptz   not null,
    downloads     integer       not null default 0,
    last_download timestamptz,
    deleted_at    timestamptz
);

create index large_file_expiry_idx on large_file (expires_at) where deleted_at is null;
create index large_file_account_idx on large_file (account_id);
