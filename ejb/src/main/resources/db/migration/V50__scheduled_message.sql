-- Scheduled send (envoi différé), docs/adr/0050-exactly-once-scheduled-send.md.
-- One row per message the user scheduled: the complete MIME message (fixed Message-ID) and the fields the
-- compose page needs to reopen it. State machine:
--   PLANNED --claim--> SENDING --SMTP accepted--> (submitted_at set) --copy in Envoyés--> SENT
--   PLANNED --user--> CANCELLED;  SENDING --refused by SMTP--> FAILED;  SENDING --server unreachable--> PLANNED
-- A SENDING row whose claim is older than the lease (crash) is claimed again; before re-sending, the sender
-- looks for submitted_at and for a copy with the same Message-ID in Envoyés.
create table scheduled_message (
    id            bigserial    primary key,
    account_id    bigint       not null references account (id) on delete cascade,
    message_id    varchar(255) not null unique,
    due_at        timestamptz  not null,
    state         varchar(16)  not null default 'PLANNED'
                  check (state in ('PLANNED', 'SENDING', 'SENT', 'CANCELLED', 'FAILED')),
    to_text       text         not null,
    cc_text       text         not null default '',
    subject       text         not null default '',
    body          text         not null default '',
    mime          bytea        not null,
    attempts      integer      not null default 0,
    claimed_at    timestamptz,
    claimed_by    varchar(64),
    submitted_at  timestamptz,
    sent_at       timestamptz,
    last_error    text,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now()
);

create index scheduled_message_due_idx on scheduled_message (due_at) where state in ('PLANNED', 'SENDING');
create index scheduled_message_account_idx on scheduled_message (account_id, state);
