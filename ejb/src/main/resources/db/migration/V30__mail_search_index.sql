-- The portal's own search index over the IMAP mailboxes (ADR 0030). Dovecot stays the source of truth: these rows
-- are a cache, brought up to date from IMAP (UIDVALIDITY, UIDNEXT, message count per folder) before each search,
-- so mail delivered, moved or deleted through any IMAP client is found, or no longer found, at the next search.
-- Text is folded in Java (lower case, accents removed, punctuation as spaces) before it reaches to_tsvector, so
-- "etudiant" finds "Étudiant" without the unaccent extension (STABLE, unusable in an index).
create extension if not exists btree_gin;

-- What is indexed of each folder: every UID below uid_next of this uid_validity.
create table mail_search_folder (
    mailbox       varchar(254) not null,
    folder        varchar(500) not null,
    uid_validity  bigint       not null,
    uid_next      bigint       not null,
    indexed_at    timestamptz  not null default now(),
    primary key (mailbox, folder)
);

create table mail_search_message (
    mailbox       varchar(254) not null,
    folder        varchar(500) not null,
    uid           bigint       not null,
    uid_validity  bigint       not null,
    sent_at       timestamptz,
    from_label    varchar(500) not null default '',
    subject       varchar(1000) not null default '',
    size_bytes    integer      not null default 0,
    has_attachment boolean     not null default false,
    tsv_from      tsvector     not null,
    tsv_to        tsvector     not null,
    tsv_subject   tsvector     not null,
    tsv_body      tsvector     not null,
    tsv_attach    tsvector     not null,
    tsv_all       tsvector     not null,
    primary key (mailbox, folder, uid)
);

-- One mailbox's words: the mailbox column inside the GIN index (btree_gin) keeps a search of one user off the
-- postings of the 25,000 others.
create index mail_search_message_words_idx on mail_search_message using gin (mailbox, tsv_all);
create index mail_search_message_date_idx on mail_search_message (mailbox, sent_at desc);
