-- The quota sweep (issue 11, JOB-2; docs/adr/0093-…): one snapshot of each mailbox's storage per day, read from
-- Dovecot by the nightly job quota-sweep, and the alert threshold last mailed to each account.

-- Storage used and allowed (KiB, as GETQUOTAROOT gives them) of an account on a day (Europe/Paris). The job writes
-- a day's row once; a second run the same day finds it and leaves the account alone.
create table quota_snapshot (
    account_id  bigint  not null references account (id) on delete cascade,
    day         date    not null,
    used_kb     bigint  not null check (used_kb >= 0),
    limit_kb    bigint  not null check (limit_kb >= 0),
    primary key (account_id, day)
);

-- The report reads a day's fullest mailboxes and the last 30 days' totals.
create index quota_snapshot_day_idx on quota_snapshot (day, used_kb desc);

-- The highest alert threshold (80, 90, 100 %) mailed for the account's current crossing; 0: none. Going back under a
-- threshold lowers it, so that crossing it again mails again.
create table quota_alert (
    account_id  bigint      primary key references account (id) on delete cascade,
    threshold   smallint    not null check (threshold in (0, 80, 90, 100)),
    changed_on  date        not null
);
