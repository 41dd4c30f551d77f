#!/usr/bin/python3
# Préau — who may post to a distribution list (docs/adr/0101).
#
# A Postfix policy service (SMTPD_POLICY_README) for one SMTP session, on
# standard input and output: Postfix's spawn(8) service starts it for each
# connection (master.cf), on the inbound port and on submission alike.
# Postfix asks it only for a recipient that is a list whose posting is
# restricted (pgsql-list-posting.cf and the restriction class
# preau_list_posting of main.cf). Python's standard library only: PostgreSQL
# is asked through psql, as the mail servers' read-only role, whose password
# is in a pgpass file only this service's user reads. The rule itself is the
# database function mail_server_list_refusal (migration V140): members only,
# academy only (a signed-in sender or an academy domain), or anyone.
# Arguments: psql, host, port, database, user, the pgpass file.

import os
import subprocess
import sys

REFUSALS = {
    "members": "550 5.7.1 Seuls les membres de cette liste peuvent y ecrire "
               "(only members of this list may post to it)",
    "academy": "550 5.7.1 Seuls les personnels de l'academie peuvent ecrire a cette liste "
               "(only academy staff may post to this list)",
}
# The database did not answer: the client tries again later; nothing is let through unchecked.
UNAVAILABLE = ("451 4.3.0 Liste de diffusion momentanement indisponible, reessayez plus tard "
               "(distribution list temporarily unavailable, try again later)")
QUERY = "select coalesce(mail_server_list_refusal(:'recipient', :'sender', :'authenticated'::boolean), '');\n"


def refusal(connection, recipient, sender, authenticated):
    psql, host, port, database, user, pgpass = connection
    env = {"PGPASSFILE": pgpass, "PGCONNECT_TIMEOUT": "10", "PGAPPNAME": "preau-lists"}
    command = [psql, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", port, "-d", database,
               "-U", user, "-w", "-v", "recipient=" + recipient, "-v", "sender=" + sender,
               "-v", "authenticated=" + ("true" if authenticated else "false"), "-f", "-"]
    done = subprocess.run(command, input=QUERY, capture_output=True, text=True, env=env, timeout=30, check=False)
    if done.returncode != 0:
        sys.stderr.write("preau-lists: psql failed: %s\n" % done.stderr.strip())
        return None
    return done.stdout.strip()


def decide(connection, request):
    recipient = request.get("recipient", "").strip().lower()
    if request.get("protocol_state", "RCPT") != "RCPT" or not recipient:
        return "DUNNO"
    sender = request.get("sender", "").strip().lower()
    authenticated = bool(request.get("sasl_username", "").strip())
    try:
        rule = refusal(connection, recipient, sender, authenticated)
    except (OSError, subprocess.SubprocessError) as failure:
        sys.stderr.write("preau-lists: %s\n" % failure)
        rule = None
    if rule is None:
        return UNAVAILABLE
    return REFUSALS.get(rule, "DUNNO")


def main():
    connection = tuple(sys.argv[1:7])
    os.umask(0o077)
    request = {}
    for raw in sys.stdin:
        line = raw.rstrip("\r\n")
        if line:
            key, _, value = line.partition("=")
            request[key] = value
            continue
        sys.stdout.write("action=%s\n\n" % decide(connection, request))
        sys.stdout.flush()
        request = {}


if __name__ == "__main__":
    main()
