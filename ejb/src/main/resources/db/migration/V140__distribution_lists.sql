-- Distribution lists (issue 12, item 3, DIR-3; docs/adr/0101). Postfix expands a list's address through
-- mail_server_alias (virtual_alias_maps), with no portal in the path; who may post is decided at RCPT time by the
-- policy service preau-lists (wildfly-config/mail/postfix/preau-list-policy.py), which calls
-- mail_server_list_refusal below.
--
-- Four kinds: 'disciplinaire' (members computed from the directory after each import: the enabled teachers of a
-- discipline in an establishment or a département), 'etablissement' (an establishment's, managed by its
-- administrators), 'fonctionnelle' (the academy administrators'), 'projet' (any user's, who owns it with co-owners).
create table distribution_list (
    id                 bigserial     primary key,
    address            varchar(254)  not null unique check (address = lower(address) and position('@' in address) > 1),
    name               varchar(200)  not null,
    kind               varchar(16)   not null
        check (kind in ('disciplinaire', 'etablissement', 'fonctionnelle', 'projet')),
    -- The establishment of an 'etablissement' list; the scope of a 'disciplinaire' one (or departement).
    establishment_uai  varchar(8)    references establishment (uai),
    -- A 'disciplinaire' list: the directory's discipline, as the HR feed writes it (compared folded), and its scope:
    -- one establishment, or a département (the first three characters of the UAI, e.g. 069).
    discipline         varchar(100),
    departement        varchar(3)    check (departement ~ '^[0-9]{2}[0-9AB]$'),
    -- Who may post: members (the list's own addresses and owners), academy (a signed-in sender or an address of the
    -- academy's domains), anyone.
    posting            varchar(8)    not null default 'members' check (posting in ('members', 'academy', 'anyone')),
    created_at         timestamptz   not null default now(),
    check (kind <> 'etablissement' or establishment_uai is not null),
    check (kind <> 'disciplinaire' or (discipline is not null
        and (establishment_uai is not null) <> (departement is not null)))
);

-- The accounts that own a list: the creator of a 'projet' list and its co-owners (the other kinds are managed by
-- role, not by ownership).
create table distribution_list_owner (
    list_id     bigint  not null references distribution_list (id) on delete cascade,
    account_id  bigint  not null references account (id) on delete cascade,
    primary key (list_id, account_id)
);
create index distribution_list_owner_account_idx on distribution_list_owner (account_id);

-- Members: an account, another list, or an address outside the academy's domains; exactly one of them. computed:
-- written by the directory import (a 'disciplinaire' list), replaced at each run; the others by people.
create table distribution_list_member (
    id                bigserial     primary key,
    list_id           bigint        not null references distribution_list (id) on delete cascade,
    account_id        bigint        references account (id) on delete cascade,
    member_list_id    bigint        references distribution_list (id) on delete cascade,
    external_address  varchar(254)  check (external_address = lower(external_address)),
    computed          boolean       not null default false,
    check (num_nonnulls(account_id, member_list_id, external_address) = 1)
);
create unique index distribution_list_member_account_idx on distribution_list_member (list_id, account_id)
    where account_id is not null;
create unique index distribution_list_member_list_idx on distribution_list_member (list_id, member_list_id)
    where member_list_id is not null;
create unique index distribution_list_member_external_idx on distribution_list_member (list_id, external_address)
    where external_address is not null;
create index distribution_list_member_account_of_idx on distribution_list_member (account_id)
    where account_id is not null;

-- The addresses a list delivers to: its accounts' and external members', and those of the lists inside it, to any
-- depth. The recursion keeps the path of lists walked and never enters a list twice on one path, so a list that
-- contains itself, or two lists that contain each other, end; distinct gives each address once. An account delivers
-- only while it has a mailbox (mail_server_mailbox: enabled, domain active) and is not suspended. Security definer:
-- the mail servers' role reads views and this function only, never the tables.
create function mail_server_list_destinations(list bigint) returns table (destination varchar)
    language sql stable security definer set search_path from current as $$
    with recursive walked (list_id, path) as (
        select list, array[list]
        union all
        select m.member_list_id, w.path || m.member_list_id
          from walked w
          join distribution_list_member m on m.list_id = w.list_id
         where m.member_list_id is not null
           and not m.member_list_id = any (w.path)
    )
    select mb.address::varchar
      from walked w
      join distribution_list_member m on m.list_id = w.list_id
      join account a on a.id = m.account_id
      join mail_server_mailbox mb on mb.address = a.address
     where a.suspended_at is null
    union
    select m.external_address::varchar
      from walked w
      join distribution_list_member m on m.list_id = w.list_id
     where m.external_address is not null
$$;

-- Aliases (virtual_alias_maps) as in V2, plus one row per address a list delivers to. A list without any deliverable
-- member has no row and is then unknown to Postfix (550), as a list of nobody should be. The list's address is
-- looked up first (its unique index), then only its own expansion runs.
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
     cross join lateral mail_server_list_destinations(l.id) d;

-- Who may post, for the policy service: null when the sender may post to this recipient (or the recipient is not a
-- list), else the rule that refuses them ('members' or 'academy'). A member is an address the list delivers to, an
-- alias of a member account (direct or through nested lists), or an owner's address or alias; academy is a signed-in
-- sender (authenticated: submission) or a sender of one of the academy's active domains.
create function mail_server_list_refusal(recipient varchar, sender varchar, authenticated boolean) returns varchar
    language sql stable security definer set search_path from current as $$
    select case
               when l.posting = 'anyone' then null
               when l.posting = 'academy' and (authenticated or exists (
                   select 1 from mail_server_domain d where d.name = split_part(lower(sender), '@', 2))) then null
               when l.posting = 'academy' then 'academy'
               when exists (select 1 from mail_server_list_destinations(l.id) d where d.destination = lower(sender))
                   then null
               when exists (select 1 from alias al
                              join mail_server_list_destinations(l.id) d
                                on d.destination = (select a.address from account a where a.id = al.account_id)
                             where al.address = lower(sender)) then null
               when exists (select 1 from distribution_list_owner o
                              join account a on a.id = o.account_id
                              left join alias al on al.account_id = a.id
                             where o.list_id = l.id and lower(sender) in (a.address, al.address)) then null
               else 'members'
           end
      from distribution_list l
     where l.address = lower(recipient)
$$;

-- Lists whose posting is restricted: Postfix asks the policy service only for these recipients
-- (pgsql-list-posting.cf, a restriction class), so mail to every other address costs one indexed lookup.
create view mail_server_list_restricted as
    select l.address
      from distribution_list l
     where l.posting <> 'anyone';

revoke all on function mail_server_list_destinations(bigint) from public;
revoke all on function mail_server_list_refusal(varchar, varchar, boolean) from public;
grant execute on function mail_server_list_refusal(varchar, varchar, boolean) to ${mailReaderRole};
grant execute on function mail_server_list_destinations(bigint) to ${mailReaderRole};
grant select on mail_server_alias, mail_server_list_restricted to ${mailReaderRole};
