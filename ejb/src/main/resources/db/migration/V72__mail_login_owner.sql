-- Who may open a mailbox with a Keycloak password (issue 9, item 1).
--
-- Dovecot's oauth2 passdb accepts a password-grant login when the token's
-- e-mail equals the login address. The e-mail is an attribute of the
-- Keycloak user; should it ever name another account's address (a profile
-- edit, an administrator's slip, a functional mailbox without a Keycloak
-- user), the token alone would open that mailbox and let its holder send as
-- it. So a second passdb lookup (wildfly-config/mail/dovecot/
-- dovecot-dict-login-owner.conf.ext) carries the token's preferred_username
-- (the Keycloak username, which users cannot edit), and this view answers
-- only when that username owns the address. Logins that did not come through
-- the password grant (app passwords, already bound to their account row) ask
-- with "-", which Keycloak never issues as a username (3 characters at least).
create view mail_server_login_owner as
    select m.address,
           '-'::text as login,
           '{"nopassword":"y"}'::text as passdb_json
      from mail_server_mailbox m
    union all
    select m.address,
           lower(m.username) as login,
           '{"nopassword":"y"}'::text as passdb_json
      from mail_server_mailbox m;

grant select on mail_server_login_owner to ${mailReaderRole};
