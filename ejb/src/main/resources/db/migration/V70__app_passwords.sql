-- App passwords (mots de passe d'application) for IMAP and SMTP clients,
-- see docs/adr/0070-app-passwords-and-last-use.md.
--
-- The portal generates the password, shows it once and keeps only a
-- SHA512-CRYPT hash in Dovecot's notation ({SHA512-CRYPT}$6$…). The first
-- group of the password (selector, 6 characters) is stored in clear so that
-- Dovecot's dict passdb finds exactly one row for (address, selector).
-- Revoking deletes the row: with auth_cache_size = 0 the next login fails.
create table app_password (
    id            bigserial    primary key,
    account_id    bigint       not null references account (id) on delete cascade,
    name          varchar(80)  not null,
    selector      varchar(16)  not null,
    hash          varchar(200) not null,
    created_at    timestamptz  not null default now(),
    last_used_at  timestamptz,
    unique (account_id, selector)
);

create index app_password_account_idx on app_password (account_id);

-- Dovecot passdb (dict proxy, key passdb-app/<address>/<selector>): the
-- hash as a JSON object of passdb fields. Only mailboxes that may log in.
create view mail_server_app_password as
    select m.address,
           p.selector,
           json_build_object('password', p.hash)::text as passdb_json
      from app_password p
      join account a on a.id = p.account_id
      join mail_server_mailbox m on m.address = a.address;

-- Last use: after an app password has been verified, Dovecot looks up a
-- second dict passdb (skip = unauthenticated) that reads this view. Reading
-- the row records the use (security definer function, the mail role itself
-- writes nothing) and answers nopassword: the password was verified just before.
-- The volatile function keeps the view from being flattened, so PostgreSQL
-- filters on (address, selector) first and stamps only the matching row.
create function mail_server_touch_app_password(p_id bigint) returns text
    language sql volatile security definer set search_path = public as $$
    update app_password set last_used_at = now() where id = p_id;
    select '{"nopassword":"y"}'::text;
$$;
revoke all on function mail_server_touch_app_password(bigint) from public;
grant execute on function mail_server_touch_app_password(bigint) to ${mailReaderRole};

create view mail_server_app_password_use as
    select m.address,
           p.selector,
           mail_server_touch_app_password(p.id) as passdb_json
      from app_password p
      join account a on a.id = p.account_id
      join mail_server_mailbox m on m.address = a.address;

grant select on mail_server_app_password, mail_server_app_password_use to ${mailReaderRole};
