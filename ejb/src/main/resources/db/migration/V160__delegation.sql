-- Delegation (issue 13, DLG-1 to DLG-4; docs/adr/0103): an owner lets a colleague (the delegate) act on their
-- mailbox, with rights chosen by the owner, once the delegate has accepted, until an optional end. Both sides are
-- accounts (never addresses: a rename keeps the delegation); the address the IMAP rights name is kept with the row
-- so that they are removed under the same name they were given.
create table delegation (
    id              bigserial     primary key,
    owner_id        bigint        not null references account (id) on delete cascade,
    delegate_id     bigint        not null references account (id) on delete cascade,
    -- Mail: none, read ("lecture"), file ("lecture et classement": read, move, flag, delete).
    mail_access     varchar(8)    not null check (mail_access in ('none', 'read', 'file')),
    -- "Envoi de la part de": stored now, used by the send-on-behalf step (Postfix's sender map, From/Sender).
    send_on_behalf  boolean       not null default false,
    -- Agenda: stored for issue 14 (no agenda yet).
    agenda_access   varchar(8)    not null default 'none' check (agenda_access in ('none', 'read', 'edit')),
    status          varchar(8)    not null check (status in ('pending', 'active', 'refused', 'ended')),
    -- The first instant it no longer holds (the day after the end date chosen, midnight Europe/Paris); null: open.
    ends_at         timestamptz,
    granted_by      varchar(64)   not null,
    granted_at      timestamptz   not null,
    accepted_at     timestamptz,
    -- Refused or ended: when, and by whom (a username; null: the nightly job delegation-expiry).
    closed_at       timestamptz,
    closed_by       varchar(64),
    -- The delegate's address when granted: the identifier of the IMAP rights on the owner's folders.
    acl_identifier  varchar(254)  not null,
    check (owner_id <> delegate_id),
    check (mail_access <> 'none' or send_on_behalf or agenda_access <> 'none'),
    check ((status in ('refused', 'ended')) = (closed_at is not null))
);

-- At most one open (pending or active) delegation between an owner and a delegate: a change edits it.
create unique index delegation_open_pair_idx on delegation (owner_id, delegate_id)
    where status in ('pending', 'active');
create index delegation_delegate_idx on delegation (delegate_id) where status in ('pending', 'active');
create index delegation_ends_idx on delegation (ends_at, id)
    where status in ('pending', 'active') and ends_at is not null;
