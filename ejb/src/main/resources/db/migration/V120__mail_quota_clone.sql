-- Every mailbox's usage kept by Dovecot itself (issue 11, item 7; docs/adr/0093-…, amended): the quota_clone plugin
-- copies the usage of the quota root (storage in bytes, message count) to the dict proxy at each change (delivery,
-- APPEND, COPY, MOVE, expunge; flushed at the end of the session, or 10 s after a change in a session kept open),
-- and the dict writes it here (dovecot-dict-sql.conf.ext: INSERT … ON CONFLICT (address) DO UPDATE). The nightly
-- quota sweep reads a whole chunk of accounts from this table in one query instead of logging in to each mailbox.
--
-- A mailbox untouched since the plugin was enabled has no row: the sweep reads it once through the Mailbox port
-- (GETQUOTAROOT) and writes the row itself, messages unknown (null), without replacing a row Dovecot wrote
-- meanwhile (on conflict do nothing); Dovecot's next change overwrites it. The limit is not copied (it is the quota
-- class's, which the sweep reads from quota_class like the userdb view does).
create table mail_quota_clone (
    address     varchar(254) primary key,
    bytes       bigint       not null default 0 check (bytes >= 0),
    messages    bigint       check (messages >= 0),
    updated_at  timestamptz  not null default now()
);

-- When Dovecot (or the sweep) last wrote the row: for whoever investigates a stale figure.
create function mail_quota_clone_touch() returns trigger
    language plpgsql as $$
begin
    new.updated_at := now();
    return new;
end;
$$;
create trigger mail_quota_clone_touch before insert or update on mail_quota_clone
    for each row execute function mail_quota_clone_touch();

-- The mail servers' role writes only this table (SELECT only for its upsert).
grant select, insert, update on mail_quota_clone to ${mailReaderRole};
