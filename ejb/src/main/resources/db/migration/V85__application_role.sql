-- Two roles (issue 9, item 12; docs/adr/0071): the owner of the schema, who runs Flyway (this file runs as it),
-- and the portal's role ${appRole} (the datasource), which only reads and writes rows. ${appRole} owns nothing, so it
-- cannot alter or drop a table, disable or replace a trigger, or grant itself a privilege. The audit log
-- (audit_entry) is append-only for it: SELECT and INSERT, no UPDATE, DELETE or TRUNCATE; entries older than the
-- retention leave only through audit_purge, below, which runs as the owner.
do $$
begin
    if current_user = '${appRole}' then
        raise exception 'Flyway must run as the owner of the schema, not as the portal''s role ${appRole} '
            '(README, "Database roles"; docs/adr/0071)';
    end if;
end;
$$;

grant connect on database ${flyway:database} to ${appRole};
grant usage on schema public to ${appRole};

-- Every table and view that exists now (the ones this migration's history table aside), and every one a later
-- migration creates: the default privileges of the role running Flyway, i.e. the owner.
grant select, insert, update, delete on all tables in schema public to ${appRole};
grant usage, select on all sequences in schema public to ${appRole};
alter default privileges in schema public grant select, insert, update, delete on tables to ${appRole};
alter default privileges in schema public grant usage, select on sequences to ${appRole};

-- Flyway's own history is the owner's business.
revoke all on table ${flyway:table} from ${appRole};

-- The audit log: written and read, never changed.
revoke all on table audit_entry from ${appRole};
grant select, insert on table audit_entry to ${appRole};

-- The retention purge (nightly job audit-purge, fr.preau.audit.AuditLog#purgeExpired): deletes the entries older
-- than retention_days, counted on the database's clock. The bounds keep a misused call from erasing recent history:
-- at least 180 days (six months, the shortest retention the CNIL recommends for access logs), at most 100 years.
-- It declares itself to the trigger of V71, which stays as a second line against a mistaken statement by the owner.
create function audit_purge(retention_days integer) returns integer
    language plpgsql volatile security definer set search_path = pg_catalog, public as $$
declare
    deleted integer;
begin
    if retention_days is null or retention_days < 180 or retention_days > 36500 then
        raise exception 'audit_purge: retention of % day(s) refused (180 to 36500)', retention_days
            using errcode = 'invalid_parameter_value';
    end if;
    perform set_config('preau.audit_purge', 'on', true);
    delete from public.audit_entry where at < now() - make_interval(days => retention_days);
    get diagnostics deleted = row_count;
    perform set_config('preau.audit_purge', 'off', true);
    return deleted;
end;
$$;
revoke all on function audit_purge(integer) from public;
grant execute on function audit_purge(integer) to ${appRole};
