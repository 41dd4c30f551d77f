-- Submission refused at once to a suspended account (issue 11, item 1; docs/adr/0090, amended). A suspension ends
-- the account's Dovecot sessions (doveadm kick, ADR 0095) and refuses every new login, but an SMTP submission session
-- authenticated before it lived on. Postfix looks MAIL FROM up in this view at each message of a session
-- (smtpd_sender_login_maps with reject_sender_login_mismatch, no cache): leaving suspended accounts out makes the
-- next message of an open session refused (553), whatever the client (portal, Thunderbird, phone). The account still
-- has its mailbox (mail_server_mailbox): inbound mail is delivered as before. Sending as one of its aliases is
-- refused too.
create or replace view mail_server_sender_login as
    select m.address as sender,
           m.address as login
      from mail_server_mailbox m
      join account a on a.address = m.address
     where a.suspended_at is null
    union all
    select al.address as sender,
           m.address as login
      from alias al
      join account a on a.id = al.account_id
      join mail_server_mailbox m on m.address = a.address
     where a.suspended_at is null;
