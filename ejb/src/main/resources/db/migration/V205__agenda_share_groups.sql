-- Issue 14, item 2 (docs/adr/0106): a calendar shared with a distribution list (its members, lists within it
-- included, at the time of each request) or with an establishment (the accounts assigned to it), besides a person.
create table agenda_share_group (
    calendar_id        bigint       not null references agenda_calendar (id) on delete cascade,
    list_id            bigint       references distribution_list (id) on delete cascade,
    establishment_uai  varchar(8)   references establishment (uai) on delete cascade,
    level              varchar(7)   not null check (level in ('details', 'edit')),
    granted_at         timestamptz  not null default now(),
    check (num_nonnulls(list_id, establishment_uai) = 1)
);
create unique index agenda_share_group_list_idx on agenda_share_group (calendar_id, list_id)
    where list_id is not null;
create unique index agenda_share_group_establishment_idx on agenda_share_group (calendar_id, establishment_uai)
    where establishment_uai is not null;
