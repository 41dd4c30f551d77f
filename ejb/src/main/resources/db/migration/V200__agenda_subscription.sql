-- The private subscription address of a calendar (issue 14, item 4; docs/adr/0109): whoever holds its token reads
-- the calendar, read-only, private events as busy, without signing in (/public/agenda/<token>.ics). Only the
-- token's SHA-256 is kept; "Révoquer" replaces it, so the old address answers 404. One per calendar.
create table agenda_subscription (
    calendar_id  bigint       primary key references agenda_calendar (id) on delete cascade,
    token_hash   char(64)     not null unique,
    created_at   timestamptz  not null default now()
);
