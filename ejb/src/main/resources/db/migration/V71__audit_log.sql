-- Audit log (capability ID-7), see docs/adr/0071-audit-log.md. Append-only:
-- the application has no update or delete path, and this trigger refuses
-- UPDATE and DELETE to everyone, the table owner included, except inside a
-- transaction that declared itself the retention purge
-- (set local preau.audit_purge = 'on', done by fr.preau.audit.AuditLog#purge).
create table audit_entry (
    id          bigserial    primary key,
    at          timestamptz  not null,
    action      varchar(40)  not null,
    actor       varchar(254),
    subject     varchar(254),
    ip          varchar(64),
    success     boolean      not null,
    detail      varchar(500)
);

create index audit_entry_at_idx on audit_entry (at desc);
create index audit_entry_actor_idx on audit_entry (actor, at desc);
create index audit_entry_subject_idx on audit_entry (subject, at desc);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('preau.audit_purge', true) = 'on' then
        return old;
    end if;
    raise exception 'audit_entry is append-only (% refused)', tg_op;
end;
$$;

create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
