-- Moves in flight (ADR 0022). Before each UID MOVE command the portal writes
-- the UIDs it moves and where the destination's new UIDs start; it deletes the
-- row when Dovecot answered. A row left behind means Dovecot (or the portal)
-- stopped during that command: Dovecot's Maildir MOVE copies then expunges,
-- so a message may then be in both folders. The next mail page of that
-- mailbox compares the two folders and expunges the source's copy of each
-- message the destination holds (MessageOperations.recoverMoves).
create table mail_move_journal (
    id                 bigserial primary key,
    mailbox            text        not null,
    source             text        not null,
    source_validity    bigint      not null,
    source_uids        bigint[]    not null,
    destination        text        not null,
    dest_validity      bigint      not null,
    dest_uid_next      bigint      not null,
    started            timestamptz not null default now()
);
create index mail_move_journal_mailbox on mail_move_journal (mailbox);
