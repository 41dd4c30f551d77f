-- The agenda's foundation (issue 14, items 1, 2 and 5; docs/adr/0106): calendars, their events and the sharing grants.
-- Each event is one iCalendar object (a master VEVENT with its RRULE and EXDATEs, plus one VEVENT per changed
-- occurrence with its RECURRENCE-ID), as CalDAV will serve it; the columns beside it are what the queries need.

-- Several calendars per account; the first ("Agenda") is made on first use. sync_token grows with every change of
-- the calendar's events (the CalDAV ctag and sync-collection token to come).
create table agenda_calendar (
    id          bigserial     primary key,
    account_id  bigint        not null references account (id) on delete cascade,
    uid         varchar(255)  not null,
    name        varchar(100)  not null,
    colour      varchar(7)    not null check (colour ~ '^#[0-9a-f]{6}$'),
    is_default  boolean       not null default false,
    sync_token  bigint        not null default 0,
    created_at  timestamptz   not null default now(),
    unique (account_id, uid)
);

create unique index agenda_calendar_default_idx on agenda_calendar (account_id) where is_default;
create unique index agenda_calendar_name_idx on agenda_calendar (account_id, lower(name));

create table agenda_event (
    id             bigserial     primary key,
    calendar_id    bigint        not null references agenda_calendar (id) on delete cascade,
    uid            varchar(255)  not null,
    -- The iCalendar object (VCALENDAR, UTF-8) as the portal last wrote it: the truth.
    ical           text          not null,
    -- Start of the first occurrence and end of the last one (null: repeats without end), changed occurrences
    -- included: an event is read for a window only when [first_start, last_end) meets it.
    first_start    timestamptz   not null,
    last_end       timestamptz,
    -- CLASS:PRIVATE on the master: shown as busy to everyone but the owner.
    private        boolean       not null default false,
    -- The ETag: grows by one with every change of the object.
    revision       bigint        not null default 1,
    -- The calendar's sync_token when the object last changed.
    changed_token  bigint        not null,
    created_at     timestamptz   not null default now(),
    updated_at     timestamptz   not null default now(),
    unique (calendar_id, uid)
);

create index agenda_event_window_idx on agenda_event (calendar_id, first_start);

-- Objects deleted, kept for sync-collection (RFC 6578) as contact_deleted is for CardDAV.
create table agenda_event_deleted (
    calendar_id    bigint        not null references agenda_calendar (id) on delete cascade,
    uid            varchar(255)  not null,
    changed_token  bigint        not null,
    primary key (calendar_id, uid)
);

-- What the owner grants a person on one calendar beyond free/busy: 'details' (voir les détails) or 'edit'
-- (modifier). Lists and establishments as grantees come later (docs/adr/0106).
create table agenda_share (
    calendar_id  bigint       not null references agenda_calendar (id) on delete cascade,
    grantee_id   bigint       not null references account (id) on delete cascade,
    level        varchar(7)   not null check (level in ('details', 'edit')),
    granted_at   timestamptz  not null default now(),
    primary key (calendar_id, grantee_id)
);

create index agenda_share_grantee_idx on agenda_share (grantee_id);
