# shellcheck shell=bash
# Demo data, once per PREAU_HOME: accounts in PostgreSQL (the Keycloak users
# come with the realm import) and mail saved into Dovecot. Markers under
# $PREAU_HOME/demo/ prevent re-seeding, so a restart never duplicates mail.

# Also printed by bin/preau's summary.
# shellcheck disable=SC2034
DEMO_USERS=(marie.dupont jean.martin jean.martin2 sophie.bernard luc.moreau nadia.haddad)

demo_dir() { printf '%s/demo' "$PREAU_HOME"; }

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
    local dir log
    dir=$(demo_dir)
    log=$(log_file demo)
    mkdir -p "$dir"
    if [[ ! -f $dir/accounts.done ]]; then
        info "données de démonstration : comptes"
        pg_psql -d "$PREAU_DB_NAME" <"$PREAU_REPO/wildfly-config/demo/demo-data.sql" >>"$log" 2>&1 || {
            printf 'preau: données de démonstration impossibles à charger (demo data failed)\n' >&2
            printf 'preau: journal : %s\n' "$log" >&2
            exit 1
        }
        touch "$dir/accounts.done"
    fi
    demo_seed_mail
}

# Saves wildfly-config/demo/mail/<username>/<folder>/NNN.eml with doveadm (as
# the mail user, through Dovecot, so indexes, quota and flags are right).
# An optional first line "X-Demo-Flags: \Seen \Flagged" gives the IMAP flags
# and is not saved.
demo_seed_mail() {
    # PREAU_DEMO_MAIL_DIR: another corpus (e.g. to test the seeding itself).
    local root=${PREAU_DEMO_MAIL_DIR:-$PREAU_REPO/wildfly-config/demo/mail} conf log dir
    conf=$(dovecot_conf)
    log=$(log_file demo)
    dir=$(demo_dir)
    if [[ ! -d $root ]]; then
        info "pas de courrier de démonstration ($root absent)"
        return 0
    fi
    local user userdir folderdir folder mbox addr f first flags n count=0
    for userdir in "$root"/*/; do
        [[ -d $userdir ]] || continue
        user=$(basename "$userdir")
        [[ -f $dir/mail-$user.done ]] && continue
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
        touch "$dir/mail-$user.done"
        count=$((count + n))
    done
    [[ $count -gt 0 ]] && info "courrier de démonstration : $count messages enregistrés"
    return 0
}
