-- Issue 14, item 1 (docs/adr/0111): reminders of agenda events, sent by mail exactly once.
-- The reminder chosen for an event, beside its iCalendar object (never inside it): every occurrence of the event,
-- `minutes_before` its start. `next_occurrence` / `next_due` are the next occurrence to remind and when (null: none
-- left), computed from the object at `event_revision`; a change of the object (any door: page, CalDAV, iMIP) bumps
-- agenda_event.revision and the sender computes them again before it sends anything.
create table agenda_reminder (
    event_id         bigint       primary key references agenda_event (id) on delete cascade,
    account_id       bigint       not null references account (id) on delete cascade,
    minutes_before   integer      not null check (minutes_before in (10, 30, 60, 1440)),
    event_revision   bigint       not null default 0,
    next_occurrence  timestamp,
    next_due         timestamptz,
    updated_at       timestamptz  not null default now()
);
create index agenda_reminder_due_idx on agenda_reminder (next_due) where next_due is not null;

-- One row per (event, occurrence) whose reminder left or is leaving: claimed with a lease, the fixed bytes and
-- Message-ID it is submitted with, SENT once SMTP accepted it (or the evidence mailbox says it did, ADR 0083).
create table agenda_reminder_sent (
    event_id     bigint       not null references agenda_event (id) on delete cascade,
    occurrence   timestamp    not null,
    account_id   bigint       not null references account (id) on delete cascade,
    due_at       timestamptz  not null,
    message_id   varchar(255) not null unique,
    mime         bytea        not null,
    state        varchar(8)   not null check (state in ('SENDING', 'SENT', 'SKIPPED', 'FAILED')),
    claimed_by   varchar(64)  not null,
    claimed_at   timestamptz  not null,
    attempts     integer      not null default 1,
    sent_at      timestamptz,
    primary key (event_id, occurrence)
);
create index agenda_reminder_sent_doubt_idx on agenda_reminder_sent (claimed_at) where state = 'SENDING';
