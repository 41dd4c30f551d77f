-- Calendars deleted by their owner (issue 14; docs/adr/0109). The calendar's row goes, and with it its events, their
-- tombstones (agenda_event_deleted), grants and subscription address; this row remembers the collection and the
-- UIDs of the objects it held, so that CalDAV can tell a sync client the collection and every object in it are
-- gone (404 on the collection: RFC 6578 clients then forget its objects) rather than never existed.
create table agenda_calendar_deleted (
    account_id   bigint        not null references account (id) on delete cascade,
    uid          varchar(255)  not null,
    name         varchar(100)  not null,
    event_uids   text[]        not null,
    sync_token   bigint        not null,
    deleted_at   timestamptz   not null default now(),
    primary key (account_id, uid)
);
