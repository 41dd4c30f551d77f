-- Archiving policy of the nightly job mail-archiving (issue 11, JOB-1; docs/adr/0092-…): messages older than this
-- many days leave INBOX and Envoyés for Archives/<year>. The academy's value is the setting mail.archive.days
-- (default 365); a quota class or an account may override it. Null: inherit; 0: no archiving.
alter table quota_class add column archive_days integer check (archive_days between 0 and 36500);
alter table account add column archive_days integer check (archive_days between 0 and 36500);
