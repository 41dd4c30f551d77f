-- The academy directory ("Annuaire", issue 12, DIR-1) and its nightly import from the HR feed (DIR-4, JOB-4;
-- docs/adr/0099, docs/directory-feed.md).
--
-- Establishments get the fields the directory shows and searches. The HR feed brings them with each person; a line
-- of the feed updates its establishment.
alter table establishment add column kind varchar(60);
alter table establishment add column circonscription varchar(100);

-- One row per person of the HR feed, keyed by the HR identifier (matricule), never deleted: a person absent from
-- the feed is disabled (disabled_at) and left out of the directory, and comes back if a later feed names them.
-- account_id links the person to their portal account (by the academic address of the feed), when there is one.
-- search_text is the folded text the search matches (lower case, accents and apostrophes removed: names,
-- function, discipline, establishment's name and town, UAI), made by the application (SearchText).
create table directory_person (
    id                     bigserial    primary key,
    hr_id                  varchar(32)  not null unique,
    last_name              varchar(100) not null,
    first_name             varchar(100) not null,
    function_code          varchar(8)   not null,
    discipline             varchar(100),
    establishment_uai      varchar(8)   not null references establishment (uai),
    address                varchar(254) check (address = lower(address)),
    work_phone             varchar(32),
    personal_phone         varchar(32),
    -- Privacy by default (RGPD art. 25): a personal phone of the feed is shown only when its owner chooses to.
    personal_phone_shown   boolean      not null default false,
    account_id             bigint       references account (id) on delete set null,
    search_text            text         not null,
    -- The job instance of the last import that named the person (a restart of that import keeps the same instance).
    seen_import            bigint       not null,
    disabled_at            timestamptz,
    created_at             timestamptz  not null default now(),
    updated_at             timestamptz  not null default now()
);

create index directory_person_search_idx on directory_person using gin (search_text gin_trgm_ops);
create index directory_person_establishment_idx on directory_person (establishment_uai);
create index directory_person_account_idx on directory_person (account_id);
create index directory_person_name_idx on directory_person (last_name, first_name, id) where disabled_at is null;

-- The lines of an import that were not applied, each with its fault (the report of the jobs page). Kept with the
-- job instance; a restarted import adds only the lines it reads again.
create table directory_import_fault (
    job_instance  bigint       not null,
    line          integer      not null,
    hr_id         varchar(32),
    fault         varchar(80)  not null,   -- the message key (directory.import.fault.*), French and English
    detail        varchar(300),            -- the value at fault, as read
    primary key (job_instance, line)
);
