-- The academy's school holidays (issue 14, item 1; docs/adr/0110): the periods of the Ministry's .ics of the
-- academy's zone, imported by an administrator, one row per event by UID (a new upload replaces by UID, so a
-- period the next file still holds is not doubled). A teacher who adds them gets a calendar marked `holidays`,
-- read-only, holding copies of these rows, refreshed at each upload.
create table agenda_holiday (
    uid          text         primary key,
    summary      text         not null,
    ical         text         not null,
    first_start  timestamptz  not null,
    last_end     timestamptz,
    imported_at  timestamptz  not null default now()
);

alter table agenda_calendar add column holidays boolean not null default false;
create unique index agenda_calendar_holidays_idx on agenda_calendar (account_id) where holidays;
