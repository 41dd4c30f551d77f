-- Administration of accounts (issue 11, items 1 and 5; docs/adr/0090-…).
--
-- Suspension is not the "enabled" flag: a disabled account has no mailbox any more (mail_server_mailbox, 550 user
-- unknown), while a suspended one still receives its mail and only stops signing in. So suspended_at is a column
-- of its own, and only the views that let a client in (the owner check every IMAP, submission and ManageSieve
-- login goes through, and the app passwords) leave suspended accounts out; the portal is refused by Keycloak,
-- whose user is disabled at the same time.
alter table account add column suspended_at timestamptz;
alter table account add column suspended_by varchar(64);

-- An establishment administrator (role etab-admin) manages the accounts of their own establishment (that of their
-- account row) and of the establishments listed here (a principal in charge of a school and a collège).
create table establishment_admin (
    account_id        bigint      not null references account (id) on delete cascade,
    establishment_uai varchar(8)  not null references establishment (uai),
    primary key (account_id, establishment_uai)
);

-- The accounts page searches 25,000 rows by any part of the name, identifier or address: trigram indexes
-- (pg_trgm, a trusted extension the database owner may create) answer "contains" without reading the table.
create extension if not exists pg_trgm;
create index account_display_name_trgm_idx on account using gin (lower(display_name) gin_trgm_ops);
create index account_username_trgm_idx on account using gin (username gin_trgm_ops);
create index account_address_trgm_idx on account using gin (address gin_trgm_ops);
create index account_suspended_idx on account (suspended_at) where suspended_at is not null;

create or replace view mail_server_login_owner as
    select m.address,
           '-'::text as login,
           '{"nopassword":"y"}'::text as passdb_json
      from mail_server_mailbox m
      join account a on a.address = m.address
     where a.suspended_at is null
    union all
    select m.address,
           lower(m.username) as login,
           '{"nopassword":"y"}'::text as passdb_json
      from mail_server_mailbox m
      join account a on a.address = m.address
     where a.suspended_at is null;

create or replace view mail_server_app_password as
    select m.address,
           p.selector,
           json_build_object('password', p.hash)::text as passdb_json
      from app_password p
      join account a on a.id = p.account_id
      join mail_server_mailbox m on m.address = a.address
     where a.suspended_at is null;
