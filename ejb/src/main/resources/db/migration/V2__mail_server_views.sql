-- Views that the mail servers read live (no reload needed after a change).
--
-- Postfix (proxy:pgsql maps) and Dovecot (dict proxy → pgsql, see
-- wildfly-config/mail/) connect as the read-only role ${mailReaderRole}
-- (Flyway placeholder, "preau_mail" in the local stack). That role gets SELECT
-- on these views only: the views run with their owner's rights, so it never
-- sees the tables themselves.
--
-- Naming: mail_server_* = a contract with the mail servers. Change a column
-- here only together with the templates under wildfly-config/mail/.

-- Domains Postfix accepts mail for (virtual_mailbox_domains).
create view mail_server_domain as
    select d.name
      from mail_domain d
     where d.active;

-- Mailboxes: one row per enabled account whose domain is active. Postfix
-- accepts mail for these addresses (virtual_mailbox_maps); a disabled account
-- immediately stops receiving mail (550 user unknown) and logging in.
create view mail_server_mailbox as
    select a.address,
           a.username,
           split_part(a.address, '@', 2) as domain
      from account a
      join mail_domain d on d.name = split_part(a.address, '@', 2)
     where a.enabled
       and d.active;

-- Aliases (virtual_alias_maps): rows of the alias table whose account has a
-- mailbox, plus every mailbox to itself. The identity rows keep an address
-- deliverable when a wildcard or a list expansion is added later (Postfix
-- replaces an address that has an alias entry by the entry's targets). An
-- address with several rows expands to all of them, which is how
-- distribution lists will plug in.
create view mail_server_alias as
    select al.address,
           m.address as destination
      from alias al
      join account a on a.id = al.account_id
      join mail_server_mailbox m on m.address = a.address
    union all
    select m.address,
           m.address as destination
      from mail_server_mailbox m;

-- Dovecot userdb: one row per mailbox. Dovecot's dict-sql reads
-- userdb_json (a JSON object of userdb fields); quota_rule is also exposed as
-- a column for other readers. The home folder and uid/gid are fixed by the
-- server configuration, not stored per user.
create view mail_server_userdb as
    select m.address,
           q.code as quota_class,
           '*:storage=' || q.storage_mb || 'M' as quota_rule,
           json_build_object(
               'quota_rule', '*:storage=' || q.storage_mb || 'M'
           )::text as userdb_json
      from mail_server_mailbox m
      join account a on a.address = m.address
      join quota_class q on q.code = a.quota_class;

grant select on mail_server_domain, mail_server_mailbox, mail_server_alias, mail_server_userdb
    to ${mailReaderRole};
