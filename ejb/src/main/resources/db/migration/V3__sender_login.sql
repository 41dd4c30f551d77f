-- Who may send as which address (Postfix smtpd_sender_login_maps on the submission port): an account sends as
-- its own address and as its aliases, whatever the client (portal, Thunderbird, phone). Delegations ("envoi de la
-- part de") will add rows here.

create view mail_server_sender_login as
    select m.address as sender,
           m.address as login
      from mail_server_mailbox m
    union all
    select al.address as sender,
           m.address as login
      from alias al
      join account a on a.id = al.account_id
      join mail_server_mailbox m on m.address = a.address;

grant select on mail_server_sender_login to ${mailReaderRole};
