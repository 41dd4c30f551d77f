-- Moderated distribution lists (issue 12, item 3; docs/adr/0101, "Moderation"). Mail to a moderated list is held:
-- mail_server_alias sends it to the holding mailbox (moderation-listes@preau.invalid, a system mailbox of Dovecot's
-- evidence-users) with the list's id as the address's detail (moderation-listes+<id>@preau.invalid), which Dovecot
-- writes in the Delivered-To header. An owner's "Approuver" makes the portal submit the held message to the list's
-- release address, a secret address in the reserved domain listes.preau.invalid that expands to the members by the
-- same function as the list's own address; Postfix refuses that domain from outside (reject_unauth_destination)
-- and on submission from every login but the holding mailbox's, which only the portal's master login opens.
alter table distribution_list
    add column moderated boolean not null default false,
    add column release_address varchar(254) not null unique
        default 'liste-' || replace(gen_random_uuid()::text, '-', '') || '@listes.preau.invalid';

-- The journal of approvals, so that a message is released once (like scheduled_message, ADR 0050): 'releasing' is
-- written before the submission, 'released' after it; a row still 'releasing' after a crash is settled by looking
-- for the evidence copy the submission also sent to moderation-listes+envoi-<id>@preau.invalid.
create table distribution_list_release (
    list_id      bigint        not null references distribution_list (id) on delete cascade,
    message_id   varchar(998)  not null,
    state        varchar(10)   not null check (state in ('releasing', 'released')),
    approved_by  varchar(254)  not null,
    updated_at   timestamptz   not null,
    primary key (list_id, message_id)
);

-- Aliases as in V140, but a moderated list delivers to its holding address, and each list's release address
-- delivers to its members (moderated or not: a message approved just before the owner turned moderation off still
-- goes out).
create or replace view mail_server_alias as
    select al.address,
           m.address as destination
      from alias al
      join account a on a.id = al.account_id
      join mail_server_mailbox m on m.address = a.address
    union all
    select m.address,
           m.address as destination
      from mail_server_mailbox m
    union all
    select l.address,
           d.destination::varchar(254)
      from distribution_list l
     cross join lateral mail_server_list_destinations(l.id) d
     where not l.moderated
    union all
    select l.address,
           ('moderation-listes+' || l.id || '@preau.invalid')::varchar(254)
      from distribution_list l
     where l.moderated
    union all
    select l.release_address,
           d.destination::varchar(254)
      from distribution_list l
     cross join lateral mail_server_list_destinations(l.id) d;

grant select on mail_server_alias to ${mailReaderRole};
