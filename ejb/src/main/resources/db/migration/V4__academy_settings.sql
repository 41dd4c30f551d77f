-- Settings of the academy that differ from their defaults (fr.preau.settings.AcademySettings).
-- Migration numbering from here on: each feature area takes its own range
-- (V10-19 reading, V20-29 folders and list, V30-39 search, V40-49 compose,
-- V50-59 scheduled send and large files, V60-69 identity, V70-79 app
-- passwords and audit); bin/lib/migrations.sh runs Flyway with outOfOrder.
create table academy_setting (
    name        varchar(128) primary key,
    value       text         not null,
    updated_at  timestamptz  not null default now()
);
