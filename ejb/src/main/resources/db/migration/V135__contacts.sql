-- The personal address book ("Contacts", issue 12, item 4, DIR-2; docs/adr/0100). Each contact belongs to one
-- account. The rows are laid out for CardDAV (item 5) to be added without moving data: a stable uid per contact and
-- per group, a revision per contact (its ETag), a change counter per book (its sync token) stamped on every contact
-- changed and on every deletion (contact_deleted), so that a sync-collection report can say what changed since a
-- token.

-- One row per account that has an address book: sync_token grows by one with every change of the book.
create table contact_book (
    account_id  bigint  primary key references account (id) on delete cascade,
    sync_token  bigint  not null default 0
);

create table contact (
    id              bigserial     primary key,
    account_id      bigint        not null references contact_book (account_id) on delete cascade,
    uid             varchar(255)  not null,
    first_name      varchar(100),
    last_name       varchar(100),
    organisation    varchar(200),
    job_title       varchar(200),
    postal_address  varchar(500),
    note            varchar(2000),
    -- The card as the portal last wrote it (vCard 4, UTF-8): what CardDAV will serve as is.
    vcard           text          not null,
    -- The ETag: grows by one with every change of the contact.
    revision        bigint        not null default 1,
    -- The book's sync_token when the contact last changed.
    changed_token   bigint        not null,
    -- Folded names, organisation, function and addresses (SearchText), for the search and the suggestions.
    search_text     text          not null,
    created_at      timestamptz   not null default now(),
    updated_at      timestamptz   not null default now(),
    unique (account_id, uid)
);

create index contact_account_name_idx on contact (account_id, last_name, first_name, id);

-- E-mail addresses (kind 'email', lower case) and phone numbers (kind 'tel') of a contact, in the order given.
-- account_id is repeated so that "is this address already in the book" is one index look-up.
create table contact_value (
    contact_id  bigint        not null references contact (id) on delete cascade,
    account_id  bigint        not null,
    kind        varchar(5)    not null check (kind in ('email', 'tel')),
    position    smallint      not null,
    value       varchar(254)  not null,
    type        varchar(10)   not null,
    primary key (contact_id, kind, position)
);

create index contact_value_email_idx on contact_value (account_id, value) where kind = 'email';

create table contact_group (
    id          bigserial     primary key,
    account_id  bigint        not null references contact_book (account_id) on delete cascade,
    uid         varchar(255)  not null,
    name        varchar(100)  not null,
    unique (account_id, uid)
);

create unique index contact_group_name_idx on contact_group (account_id, lower(name));

create table contact_group_member (
    group_id    bigint  not null references contact_group (id) on delete cascade,
    contact_id  bigint  not null references contact (id) on delete cascade,
    primary key (group_id, contact_id)
);

create index contact_group_member_contact_idx on contact_group_member (contact_id);

-- Contacts deleted, kept by uid with the book's token of the deletion, for CardDAV's sync-collection.
create table contact_deleted (
    account_id     bigint        not null references contact_book (account_id) on delete cascade,
    uid            varchar(255)  not null,
    changed_token  bigint        not null,
    deleted_at     timestamptz   not null default now(),
    primary key (account_id, uid)
);
