-- Renaming an account (marriage, double name) keeps its mailbox and its old address (issue 11, item 1;
-- docs/adr/0096-…).
--
-- The mailbox's folder under Dovecot's mail root. Dovecot used to find it from the address (mail_home = %d/%n), so
-- a new address would have opened an empty mailbox. The folder now comes from this column through the userdb view:
-- null (every account never renamed, and every new one) means the folder of the account's own address,
-- '<domain>/<local part>', exactly where the Maildirs already are, so no Maildir moves when this migration runs. A
-- rename writes the folder of the address it replaces here, once: a second rename keeps the first folder.
alter table account add column mail_home varchar(300)
    check (mail_home ~ '^[a-z0-9][a-z0-9.-]*/[a-z0-9][a-z0-9._+-]*$');

-- The rows keyed by the identifier follow it when it changes (the other rows are keyed by the account id).
alter table provisional_password drop constraint provisional_password_username_fkey,
    add constraint provisional_password_username_fkey foreign key (username) references account (username)
        on delete cascade on update cascade;
alter table recovery_address drop constraint recovery_address_username_fkey,
    add constraint recovery_address_username_fkey foreign key (username) references account (username)
        on delete cascade on update cascade;
alter table recovery_token drop constraint recovery_token_username_fkey,
    add constraint recovery_token_username_fkey foreign key (username) references account (username)
        on delete cascade on update cascade;
alter table recovery_verification_sent drop constraint recovery_verification_sent_username_fkey,
    add constraint recovery_verification_sent_username_fkey foreign key (username) references account (username)
        on delete cascade on update cascade;

-- Dovecot userdb: the same row as before, plus the mailbox's folder relative to the mail root (mail_home), which
-- Dovecot reads with a lookup of its own (dovecot-dict-sql.conf.ext, key userdb-home) and makes the userdb field
-- home. A Dovecot configured for it that meets a database without this column fails the lookup (a temporary
-- failure: delivery is retried, logins refused) instead of giving every user the same home.
create or replace view mail_server_userdb as
    select m.address,
           q.code as quota_class,
           '*:storage=' || q.storage_mb || 'M' as quota_rule,
           json_build_object(
               'quota_rule', '*:storage=' || q.storage_mb || 'M'
           )::text as userdb_json,
           coalesce(a.mail_home, split_part(a.address, '@', 2) || '/' || split_part(a.address, '@', 1))
               as mail_home
      from mail_server_mailbox m
      join account a on a.address = m.address
      join quota_class q on q.code = a.quota_class;
