-- Verification mails of recovery addresses (ADR 0065): one row per mail sent, for the hourly limit
-- identity.recovery.verification-max-per-hour; a stolen session must not turn the portal into a mailer of links to
-- any address. Rows older than a day are deleted when a new one is written.
create table recovery_verification_sent (
    username  varchar(64)  not null references account (username) on delete cascade,
    sent_at   timestamptz  not null default now()
);

create index recovery_verification_sent_idx on recovery_verification_sent (username, sent_at);
