-- CalDAV (issue 14, item 4; docs/adr/0107): the name a client gave an event object when it created it (iOS and
-- Thunderbird name objects after their own ids, not after the UID). An object without a row here is named
-- <uid>.ics. Kept by (calendar, uid) beyond the object's deletion, so that sync-collection reports a deleted object
-- under the name the client knows (agenda_event_deleted names the uid only).
create table agenda_dav_name (
    calendar_id  bigint        not null references agenda_calendar (id) on delete cascade,
    uid          varchar(255)  not null,
    dav_name     varchar(255)  not null,
    primary key (calendar_id, uid),
    unique (calendar_id, dav_name)
);
