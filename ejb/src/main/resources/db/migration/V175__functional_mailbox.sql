-- Functional mailboxes (issue 13, item 4, DLG-5; docs/adr/0105): "secrétariat", "vie scolaire", "intendance" … of
-- an establishment. An account row like any other (its mailbox is in Dovecot, it receives mail, its quota class is
-- 'fonctionnelle'), owned by an establishment and opened to its staff by delegation only. It has no password of its
-- own: no Keycloak user is made for it (no portal sign-in), and the views every IMAP, submission, ManageSieve and
-- CardDAV login goes through (the owner check after a Keycloak password, and the app passwords) leave it out, so
-- even a Keycloak user or an app password made by mistake for its address opens nothing. The portal's master login
-- (which sets the delegates' IMAP rights) asks the userdb only, which keeps it.
alter table account add column functional boolean not null default false;
alter table account add constraint account_functional_establishment_check
    check (not functional or establishment_uai is not null);
create index account_functional_idx on account (establishment_uai) where functional;

create or replace view mail_server_login_owner as
    select m.address,
           '-'::text as login,
           '{"nopassword":"y"}'::text as passdb_json
      from mail_server_mailbox m
      join account a on a.address = m.address
     where a.suspended_at is null
       and not a.functional
    union all
    select m.address,
           lower(m.username) as login,
           '{"nopassword":"y"}'::text as passdb_json
      from mail_server_mailbox m
      join account a on a.address = m.address
     where a.suspended_at is null
       and not a.functional;

create or replace view mail_server_app_password as
    select m.address,
           p.selector,
           json_build_object('password', p.hash)::text as passdb_json
      from app_password p
      join account a on a.id = p.account_id
      join mail_server_mailbox m on m.address = a.address
     where a.suspended_at is null
       and not a.functional;
