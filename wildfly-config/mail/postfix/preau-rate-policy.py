#!/usr/bin/python3
# Préau — per-account sending limit of the submission port (docs/adr/0081).
#
# A Postfix policy service (SMTPD_POLICY_README) for one submission session,
# on standard input and output: Postfix's spawn(8) service starts it for each
# connection (master.cf), like the From: milter. Python's standard library
# only; the counts live in a small SQLite file that every session shares.
#
# Asked at the end of each message (smtpd_end_of_data_restrictions) with the
# SASL login and the message's recipient count. Within the last hour, one
# login may send at most MAX_RECIPIENTS recipients in all and MAX_MESSAGES
# messages; past either, the message is refused with a temporary 450 (a mail
# client keeps it and tries again later, the portal says so) and nothing is
# counted. Arguments: the SQLite file, MAX_RECIPIENTS, MAX_MESSAGES and,
# optionally, the portal's system senders (comma-separated logins,
# PREAU_SYSTEM_SENDERS) then the portal's networks (PREAU_PORTAL_NETS, the
# rest of the arguments). A system sender signed in from the portal's
# networks is the portal mailing its notices (recovery, delegations, password
# expiry, quotas) through the master login, which Dovecot accepts from there
# only: neither limited nor counted. The same address signed in from anywhere
# else (someone who knows its password) is counted like any other. Dovecot
# reports a master login as the user it acts for (no "*master" in
# sasl_username), so the client address is what tells the portal apart.

import ipaddress
import sqlite3
import sys
import time

WINDOW = 3600


def refused(limit, what):
    return ("450 4.7.1 Limite d'envoi atteinte : %d %s par heure, reessayez plus tard "
            "(sending limit reached: %d %s per hour, try again later)" % (limit, what[0], limit, what[1]))


def decide(db, login, recipients, max_recipients, max_messages, now):
    with db:
        db.execute("delete from sent where at < ?", (now - WINDOW,))
        messages, total = db.execute("select count(*), coalesce(sum(recipients), 0) from sent where login = ?",
                                     (login,)).fetchone()
        if messages + 1 > max_messages:
            return refused(max_messages, ("messages", "messages"))
        if total + recipients > max_recipients:
            return refused(max_recipients, ("destinataires", "recipients"))
        db.execute("insert into sent (login, at, recipients) values (?, ?, ?)", (login, now, recipients))
    return "DUNNO"


def system_senders(argument):
    return frozenset(login.strip().lower() for login in argument.split(",") if login.strip())


def networks(arguments):
    nets = []
    for net in " ".join(arguments).replace(",", " ").split():
        try:
            nets.append(ipaddress.ip_network(net, strict=False))
        except ValueError:
            pass  # not a network: exempts nothing (the limit stays on)
    return tuple(nets)


def exempt(login, client_address, senders, portal_nets):
    """One of the portal's system senders, signed in from the portal's own address."""
    if login not in senders:
        return False
    try:
        client = ipaddress.ip_address(client_address.strip())
    except ValueError:
        return False
    return any(client in net for net in portal_nets)


def main():
    path, max_recipients, max_messages = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    senders = system_senders(sys.argv[4] if len(sys.argv) > 4 else "")
    portal_nets = networks(sys.argv[5:])
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    db.execute("pragma journal_mode=wal")
    db.execute("create table if not exists sent (login text not null, at integer not null, "
               "recipients integer not null)")
    db.execute("create index if not exists sent_login on sent (login, at)")
    db.isolation_level = "IMMEDIATE"
    request = {}
    for raw in sys.stdin:
        line = raw.rstrip("\r\n")
        if line:
            key, _, value = line.partition("=")
            request[key] = value
            continue
        # The login as Dovecot reported it; a master login (the portal) counts for the user it acts as.
        login = request.get("sasl_username", "").split("*")[0].strip().lower()
        action = "DUNNO"
        if login and request.get("protocol_state", "END-OF-MESSAGE") == "END-OF-MESSAGE" \
                and not exempt(login, request.get("client_address", ""), senders, portal_nets):
            try:
                count = int(request.get("recipient_count", "0") or "0")
            except ValueError:
                count = 0
            action = decide(db, login, max(count, 1), max_recipients, max_messages, int(time.time()))
        sys.stdout.write("action=%s\n\n" % action)
        sys.stdout.flush()
        request = {}


if __name__ == "__main__":
    main()
