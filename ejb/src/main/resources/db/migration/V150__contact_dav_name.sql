-- CardDAV (issue 12, item 5; docs/adr/0102). A card that a client created keeps the name the client gave it in the
-- book (a phone PUTs "<its own id>.vcf", not always "<UID>.vcf"); null = the uid followed by ".vcf", the name of
-- every card made in the portal. Deletions keep the name too, for sync-collection.
alter table contact add column dav_name varchar(255);
alter table contact_deleted add column dav_name varchar(255);
create unique index contact_dav_name_idx on contact (account_id, (coalesce(dav_name, uid || '.vcf')));
