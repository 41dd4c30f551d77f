-- Mail clients' failure budget in front of Keycloak (issue 9, item 8; docs/adr/0082-…).
--
-- Keycloak's brute-force detection counts failed passwords per account, whatever the client: the web sign-in's
-- and the password grant that Dovecot runs for IMAP, submission and ManageSieve logins (ADR 0002). So wrong
-- passwords typed into mail clients, anyone's, could lock the account's web sign-in. A passdb of Dovecot placed
-- before the oauth2 passdb (wildfly-config/mail/dovecot/dovecot-dict-password-gate.conf.ext) takes each
-- account-password attempt from this budget before Keycloak sees it: once the account has used up
-- identity.mail-password.max-failures (5, below the realm's failureFactor of 10), the attempt is refused without
-- asking Keycloak. App passwords are checked before (and never reach the gate), the portal's master logins never
-- go through these passdbs: both keep working; the web sign-in is never touched.
--
-- The streak mirrors Keycloak's rule: it restarts when the last attempt that reached Keycloak is older than
-- identity.mail-password.failure-window (PT12H = the realm's maxDeltaTimeSeconds), and it is cleared when an
-- account password is accepted over a mail protocol (view mail_server_password_accepted) or at a portal
-- sign-in (fr.preau.identity.MailPasswordBudget), both of which clear Keycloak's count too.
create table mail_password_streak (
    account_id       bigint      primary key references account (id) on delete cascade,
    -- Attempts handed to Keycloak since the streak began and not followed by a success: each is counted before
    -- Keycloak answers, so that attempts made at the same time cannot all pass the gate.
    failures         integer     not null check (failures >= 0),
    last_failure_at  timestamptz not null
);

-- The settings, read as AcademySettings reads them: no row or a value that does not parse = the default.
create function mail_password_max_failures() returns integer
    language sql stable set search_path = public as $$
    select coalesce((select trim(value)::integer
                       from academy_setting
                      where name = 'identity.mail-password.max-failures'
                        and trim(value) ~ '^[0-9]{1,6}$'), 5);
$$;

create function mail_password_failure_window() returns interval
    language plpgsql stable set search_path = public as $$
declare
    configured text;
    parsed interval;
begin
    select value into configured from academy_setting where name = 'identity.mail-password.failure-window';
    if configured is null then
        return interval '12 hours';
    end if;
    parsed := trim(configured)::interval;  -- ISO-8601 like the other durations: PT12H
    return case when parsed > interval '0' then parsed else interval '12 hours' end;
exception when others then
    return interval '12 hours';
end;
$$;

-- One attempt of an account password from a mail client: true (refuse it) when the budget is spent; otherwise
-- counts it and answers false. The row lock makes concurrent attempts take their turn. A refused attempt does not
-- move last_failure_at: Keycloak never saw it, so the streak ends when Keycloak's own count would.
create function mail_server_take_password_attempt(p_account bigint) returns boolean
    language plpgsql volatile security definer set search_path = public as $$
declare
    budget  integer := mail_password_max_failures();
    streak  mail_password_streak%rowtype;
begin
    insert into mail_password_streak (account_id, failures, last_failure_at)
        values (p_account, 0, now())
        on conflict (account_id) do nothing;
    select * into streak from mail_password_streak where account_id = p_account for update;
    if streak.last_failure_at < now() - mail_password_failure_window() then
        streak.failures := 0;
    end if;
    if streak.failures >= budget then
        return true;
    end if;
    update mail_password_streak
       set failures = streak.failures + 1, last_failure_at = now()
     where account_id = p_account;
    return false;
end;
$$;

-- An account password was accepted over a mail protocol (Keycloak cleared its own count): the streak ends.
create function mail_server_clear_password_streak(p_account bigint) returns text
    language sql volatile security definer set search_path = public as $$
    delete from mail_password_streak where account_id = p_account;
    select '{"nopassword":"y"}'::text;
$$;

revoke all on function mail_server_take_password_attempt(bigint) from public;
revoke all on function mail_server_clear_password_streak(bigint) from public;
grant execute on function mail_server_take_password_attempt(bigint) to ${mailReaderRole};
grant execute on function mail_server_clear_password_streak(bigint) to ${mailReaderRole};

-- The volatile function in the target list keeps this view from being merged into the one below, so PostgreSQL
-- filters on the address first and counts an attempt for the account asked about only (as in V70).
create view mail_server_password_attempt as
    select m.address,
           mail_server_take_password_attempt(a.id) as refused
      from mail_server_mailbox m
      join account a on a.address = m.address;

-- Dovecot's deny passdb (key passdb-gate/<address>): a row = refuse the attempt. Reading it counts the attempt.
create view mail_server_password_gate as
    select address,
           '{"nopassword":"y"}'::text as passdb_json
      from mail_server_password_attempt
     where refused;

-- After an account password (password grant, preau_login = the token's Keycloak username) was accepted and the
-- owner checked (key passdb-accepted/<address>/<login>): reading the row clears the streak. App-password logins
-- ask with "-" and find nothing.
create view mail_server_password_accepted as
    select m.address,
           lower(m.username) as login,
           mail_server_clear_password_streak(a.id) as passdb_json
      from mail_server_mailbox m
      join account a on a.address = m.address;

grant select on mail_server_password_gate, mail_server_password_accepted to ${mailReaderRole};
