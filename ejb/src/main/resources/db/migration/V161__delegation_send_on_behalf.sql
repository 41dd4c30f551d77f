-- Send on behalf (issue 13, item 3; docs/adr/0103, amended): a delegate whose active delegation carries
-- "envoi de la part de" may send with the owner's address as envelope sender and From:, from any client (the
-- portal, Thunderbird, a phone), signed in as themselves. Postfix's smtpd_sender_login_maps reads this view
-- (reject_sender_login_mismatch): the owner's address now maps to the owner's login and to each such delegate's
-- login (Postfix joins the rows with commas). The header-From milter (preau-from) then accepts From: the owner
-- (= MAIL FROM) and Sender: the delegate (= the login). Nobody else can: no row, 553 at MAIL FROM/RCPT. The end
-- date is checked here at each message (no cache), before the nightly job ends the delegation; a suspended owner or
-- delegate sends nothing.
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
     where a.suspended_at is null
    union all
    select om.address as sender,
           dm.address as login
      from delegation g
      join account o on o.id = g.owner_id
      join mail_server_mailbox om on om.address = o.address
      join account d on d.id = g.delegate_id
      join mail_server_mailbox dm on dm.address = d.address
     where g.status = 'active'
       and g.send_on_behalf
       and (g.ends_at is null or g.ends_at > now())
       and o.suspended_at is null
       and d.suspended_at is null;
