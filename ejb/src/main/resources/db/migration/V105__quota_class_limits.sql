-- Quota classes edited from the administration (issue 11, item 2; docs/adr/0094-…). Compose now enforces the
-- attachment limit of the sender's class; a class without one (null) follows the academy's setting
-- mail.attachment.max-mb. The class 'standard' had 10 MB, the academy's default: it now follows the setting, so
-- an academy that changed mail.attachment.max-mb keeps its limit for everyone in the standard class.
alter table quota_class alter column attachment_mb drop not null;
update quota_class set attachment_mb = null where code = 'standard';
