#!/usr/bin/python3
# Préau — header-From check of the submission port (docs/adr/0076).
#
# A milter (Sendmail milter protocol 6, as Postfix speaks it) for one SMTP
# session, on standard input and output: Postfix's spawn(8) service starts it
# for each connection of the submission smtpd (master.cf), so there is no
# daemon to start, watch or stop. Python's standard library only.
#
# The rule: every address of the From: header must be the envelope sender
# (MAIL FROM), which Postfix has already tied to the SASL login
# (smtpd_sender_login_maps with reject_sender_login_mismatch); a Sender:
# header, if there is one, must be that address or the login itself (the
# person who sends on behalf of the From: mailbox, once delegation exists).
# So a signed-in user can only show addresses the login owns or is; the
# display name is free. A message without a From: header is left alone
# (nothing to forge). Anything that cannot be parsed is refused.

import struct
import sys
from email.utils import getaddresses

# Commands (MTA -> filter) and replies (filter -> MTA) used here.
OPTNEG, MACRO, MAIL, HEADER, EOH, BODYEOB, ABORT, QUIT, QUIT_NC = b"ODMLNEAQK"
CONTINUE, ACCEPT, REPLYCODE = b"c", b"a", b"y"
# Steps we do not need: connect, helo, rcpt, body, unknown, data.
SKIP_STEPS = 0x01 | 0x02 | 0x08 | 0x10 | 0x100 | 0x200

# The holding mailbox of moderated lists (docs/adr/0101): the portal signs in as it
# (master user only) to release an approved message with its author's From:.
RELEASER = "moderation-listes@preau.invalid"

REFUSED = (b"550 5.7.1 Adresse d'expediteur (From:/Sender:) refusee : elle doit etre celle du compte connecte "
           b"(From:/Sender: header must be the address of the signed-in account)\0")


def read_exact(stream, n):
    data = b""
    while len(data) < n:
        chunk = stream.read(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def send(out, reply, data=b""):
    out.write(struct.pack(">I", len(data) + 1) + reply + data)
    out.flush()


def address_of(envelope):
    value = envelope.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    return value.strip().lower()


def forged(allowed, values):
    """True unless every address in these header values is one of the allowed ones."""
    if not allowed:
        return True
    for value in values:
        pairs = getaddresses([value])
        if not pairs:
            return True
        for _name, address in pairs:
            if address.strip().lower() not in allowed:
                return True
    return False


def macros(data):
    """The macros of a D packet (after its stage letter), as {name: value}."""
    fields = data[1:].split(b"\0")
    return {fields[i].decode("utf-8", "replace"): fields[i + 1].decode("utf-8", "replace")
            for i in range(0, len(fields) - 1, 2)}


def unfolded(raw):
    return raw.rstrip(b"\0").decode("utf-8", "replace").replace("\r\n", " ").replace("\n", " ")


def main():
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sender, login, from_headers, sender_headers = "", "", [], []
    while True:
        head = read_exact(stdin, 4)
        if head is None:
            return
        length = struct.unpack(">I", head)[0]
        packet = read_exact(stdin, length)
        if packet is None or length == 0:
            return
        command, data = packet[0], packet[1:]
        if command == OPTNEG:
            _version, _actions, offered = struct.unpack(">III", data[:12])
            send(stdout, b"O", struct.pack(">III", 6, 0, offered & SKIP_STEPS))
        elif command == MACRO:
            login = address_of(macros(data).get("{auth_authen}", login))
        elif command == MAIL:
            sender = address_of(data.split(b"\0")[0].decode("utf-8", "replace"))
            from_headers, sender_headers = [], []
            send(stdout, CONTINUE)
        elif command == HEADER:
            name, _, rest = data.partition(b"\0")
            name = name.decode("ascii", "replace").strip().lower()
            if name == "from":
                from_headers.append(unfolded(rest))
            elif name == "sender":
                sender_headers.append(unfolded(rest))
            send(stdout, CONTINUE)
        elif command == EOH:
            own = {sender} if sender else set()
            if login.split("*")[0] == RELEASER:
                send(stdout, CONTINUE)
            elif ((from_headers and forged(own, from_headers))
                    or (sender_headers and forged(own | ({login} if login else set()), sender_headers))):
                send(stdout, REPLYCODE, REFUSED)
            else:
                send(stdout, CONTINUE)
        elif command == BODYEOB:
            send(stdout, ACCEPT)
        elif command == ABORT:
            sender, from_headers, sender_headers = "", [], []
        elif command == QUIT_NC:
            sender, login, from_headers, sender_headers = "", "", [], []
        elif command == QUIT:
            return
        else:
            send(stdout, CONTINUE)


if __name__ == "__main__":
    main()
