-- The nightly job password-expiry (issue 11, JOB-3; docs/adr/0095).
--
-- Last sign-in of an account, at any door: the portal (a SIGN_IN entry of the audit log, kept here by a trigger
-- because the audit log is purged after its retention), an account password accepted over IMAP / submission /
-- ManageSieve (view mail_server_password_accepted, V87) and an app password used (view
-- mail_server_app_password_use, V70). The portal's master-user logins do not count: they follow a portal sign-in.
alter table account add column last_sign_in_at timestamptz;
-- The newest password's creation date read from Keycloak by the job: a lower bound of the real one (a password is
-- only ever replaced by a newer one), so an account whose cached date is far from expiry needs no Keycloak call.
alter table account add column password_created_at timestamptz;

update account a
   set last_sign_in_at = greatest(
           (select max(e.at) from audit_entry e where e.action = 'SIGN_IN' and e.success and e.subject = a.username),
           (select max(p.last_used_at) from app_password p where p.account_id = a.id));

-- Warnings mailed by the job, once each: kind 'password' (reference = the password's creation date, stage = the
-- days left: 15, 7, 1, or 0 for the expiry itself) or 'inactivity' (reference = the last sign-in the warning was
-- about, stage 15). A later password or sign-in has another reference, so the cycle starts again.
create table account_notice (
    account_id  bigint      not null references account (id) on delete cascade,
    kind        varchar(16) not null check (kind in ('password', 'inactivity')),
    reference   timestamptz not null,
    stage       integer     not null,
    sent_at     timestamptz not null,
    primary key (account_id, kind, reference, stage)
);

create function account_stamp_sign_in() returns trigger
    language plpgsql security definer set search_path = public as $$
begin
    update account set last_sign_in_at = greatest(last_sign_in_at, new.at) where username = new.subject;
    return null;
end;
$$;
revoke all on function account_stamp_sign_in() from public;

create trigger audit_entry_sign_in after insert on audit_entry
    for each row when (new.action = 'SIGN_IN' and new.success) execute function account_stamp_sign_in();

create or replace function mail_server_clear_password_streak(p_account bigint) returns text
    language sql volatile security definer set search_path = public as $$
    delete from mail_password_streak where account_id = p_account;
    update account set last_sign_in_at = now() where id = p_account;
    select '{"nopassword":"y"}'::text;
$$;

create or replace function mail_server_touch_app_password(p_id bigint) returns text
    language sql volatile security definer set search_path = public as $$
    update app_password set last_used_at = now() where id = p_id;
    update account set last_sign_in_at = now() where id = (select account_id from app_password where id = p_id);
    select '{"nopassword":"y"}'::text;
$$;
