# shellcheck shell=bash
# Demo data: accounts in PostgreSQL (the Keycloak users come with the realm
# import) and mail saved into Dovecot. demo-data.sql is idempotent and runs
# at every start, so a new database (pgdata deleted) gets the accounts
# again. Mail is seeded once per mailbox: the marker lives in the mailbox's
# home ($PREAU_HOME/mail/<domain>/<user>/), so deleting the mail folder (or
# one mailbox) seeds it again and a restart never duplicates mail.

# Also printed by bin/preau's summary.
# shellcheck disable=SC2034
DEMO_USERS=(marie.dupont jean.martin jean.martin2 sophie.bernard luc.moreau nadia.haddad)

# Markers of an older bin/preau (one folder for every marker); honoured once
# so an existing runtime does not get its demo mail twice, then removed.
demo_legacy_dir() { printf '%s/demo' "$PREAU_HOME"; }

# Dovecot's mail_home for an address (dovecot.conf: mail/%d/%n).
demo_mail_home() { printf '%s/mail/%s/%s' "$PREAU_HOME" "$PREAU_MAIL_DOMAIN" "$1"; }

# Corpus folder name → Dovecot mailbox (French special-use names).
demo_mailbox_for() {
    case $1 in
        INBOX) echo INBOX ;;
        Sent) echo 'Envoyés' ;;
        Drafts) echo 'Brouillons' ;;
        Archives) echo Archives ;;
        Trash) echo Corbeille ;;
        Junk) echo 'Indésirables' ;;
        *) echo "$1" ;;
    esac
}

demo_seed() {
    local log
    log=$(log_file demo)
    # A few milliseconds: cheaper than a marker that could disagree with the
    # database.
    pg_psql -d "$PREAU_DB_NAME" <"$PREAU_REPO/wildfly-config/demo/demo-data.sql" >>"$log" 2>&1 || {
        printf 'preau: données de démonstration impossibles à charger (demo data failed)\n' >&2
        printf 'preau: journal : %s\n' "$log" >&2
        exit 1
    }
    demo_seed_mail
}

# Saves wildfly-config/demo/mail/<username>/<folder>/NNN.eml with doveadm (as
# the mail user, through Dovecot, so indexes, quota and flags are right).
# An optional first line "X-Demo-Flags: \Seen \Flagged" gives the IMAP flags
# and is not saved.
demo_seed_mail() {
    # PREAU_DEMO_MAIL_DIR: another corpus (e.g. to test the seeding itself).
    local root=${PREAU_DEMO_MAIL_DIR:-$PREAU_REPO/wildfly-config/demo/mail} conf log legacy
    conf=$(dovecot_conf)
    log=$(log_file demo)
    legacy=$(demo_legacy_dir)
    if [[ ! -d $root ]]; then
        info "pas de courrier de démonstration ($root absent)"
        return 0
    fi
    local user userdir home marker folderdir folder mbox addr f first flags n count=0
    for userdir in "$root"/*/; do
        [[ -d $userdir ]] || continue
        user=$(basename "$userdir")
        home=$(demo_mail_home "$user")
        marker=$home/.preau-demo-seeded
        if [[ -d $home && -f $legacy/mail-$user.done ]]; then
            touch "$marker"
            chown vmail:vmail "$marker"
        fi
        [[ -f $marker ]] && continue
        addr=$user@$PREAU_MAIL_DOMAIN
        n=0
        for folderdir in "$userdir"*/; do
            [[ -d $folderdir ]] || continue
            folder=$(basename "$folderdir")
            mbox=$(demo_mailbox_for "$folder")
            # Creates non-special folders; special-use ones auto-create.
            doveadm -c "$conf" mailbox create -u "$addr" "$mbox" >>"$log" 2>&1 || true
            while IFS= read -r -d '' f; do
                first=$(head -n1 "$f" | tr -d '\r')
                flags=""
                if [[ $first == X-Demo-Flags:* ]]; then
                    flags=${first#X-Demo-Flags:}
                    flags=${flags#"${flags%%[![:space:]]*}"}
                    tail -n +2 "$f" | doveadm -c "$conf" save -u "$addr" -m "$mbox" >>"$log" 2>&1
                else
                    doveadm -c "$conf" save -u "$addr" -m "$mbox" <"$f" >>"$log" 2>&1
                fi || {
                    printf 'preau: courrier de démonstration : enregistrement de %s impossible (doveadm save failed)\n' "$f" >&2
                    printf 'preau: journal : %s\n' "$log" >&2
                    exit 1
                }
                if [[ -n $flags ]]; then
                    # The message just saved is the last one of the mailbox.
                    # shellcheck disable=SC2086
                    doveadm -c "$conf" flags add -u "$addr" "$flags" mailbox "$mbox" '*' >>"$log" 2>&1 || true
                fi
                n=$((n + 1))
            done < <(find "$folderdir" -maxdepth 1 -type f -name '*.eml' -print0 | sort -z)
        done
        # The home exists once doveadm saved a message (created as vmail).
        if [[ -d $home ]]; then
            touch "$marker"
            chown vmail:vmail "$marker"
        fi
        count=$((count + n))
    done
    rm -rf "$legacy"
    [[ $count -gt 0 ]] && info "courrier de démonstration : $count messages enregistrés"
    return 0
}
