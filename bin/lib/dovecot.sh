# shellcheck shell=bash
# Dovecot 2.3: one self-contained instance configured from the templates in
# wildfly-config/mail/dovecot/ into $PREAU_HOME/dovecot/, started with
# `dovecot -c $PREAU_HOME/dovecot/dovecot.conf`.

dovecot_dir()  { printf '%s/dovecot' "$PREAU_HOME"; }
dovecot_conf() { printf '%s/dovecot/dovecot.conf' "$PREAU_HOME"; }

# Mailboxes belong to one system user, whatever the address.
vmail_ensure() {
    id vmail >/dev/null 2>&1 && return 0
    info "création de l'utilisateur système vmail"
    useradd --system --user-group --home-dir /nonexistent --no-create-home \
        --shell /usr/sbin/nologin --comment "Préau mailboxes" vmail
}

# Renders the configuration. Also used by the demo seeding (doveadm -c).
dovecot_configure() {
    local src=$PREAU_REPO/wildfly-config/mail/dovecot dir
    dir=$(dovecot_dir)
    vmail_ensure
    ensure_traversable
    mkdir -p "$dir/run" "$dir/state" "$PREAU_HOME/mail"
    # vmail creates <domain>/<user> folders and the shared-mailboxes
    # dictionary here.
    chown vmail:vmail "$PREAU_HOME/mail"
    chmod 750 "$PREAU_HOME/mail"

    # Used inside the templates (render_template reads them by name).
    # shellcheck disable=SC2034
    VMAIL_UID=$(id -u vmail)
    # shellcheck disable=SC2034
    VMAIL_GID=$(id -g vmail)

    # 640: it holds the doveadm API key.
    render_template "$src/dovecot.conf" "$dir/dovecot.conf" 640
    render_template "$src/dovecot-dict-auth.conf.ext" "$dir/dovecot-dict-auth.conf.ext" 644
    render_template "$src/dovecot-dict-app-password.conf.ext" "$dir/dovecot-dict-app-password.conf.ext" 644
    render_template "$src/dovecot-dict-app-password-use.conf.ext" "$dir/dovecot-dict-app-password-use.conf.ext" 644
    render_template "$src/dovecot-dict-login-owner.conf.ext" "$dir/dovecot-dict-login-owner.conf.ext" 644
    render_template "$src/dovecot-dict-password-gate.conf.ext" "$dir/dovecot-dict-password-gate.conf.ext" 644
    render_template "$src/dovecot-dict-password-accepted.conf.ext" "$dir/dovecot-dict-password-accepted.conf.ext" 644
    # Secret-bearing files: read by the auth and dict processes (user dovecot).
    render_template "$src/dovecot-dict-sql.conf.ext" "$dir/dovecot-dict-sql.conf.ext" 640
    render_template "$src/dovecot-oauth2.conf.ext" "$dir/dovecot-oauth2.conf.ext" 640
    # The evidence mailbox of scheduled sends (docs/adr/0083), a passwd-file userdb.
    render_template "$src/evidence-users" "$dir/evidence-users" 644

    # Master user for the portal. `openssl passwd -6` produces the same
    # SHA512-CRYPT hash as `doveadm pw -s SHA512-CRYPT`, reading the password
    # from stdin so it never shows in `ps`.
    local hash
    hash=$(printf '%s\n' "$PREAU_MASTER_PASSWORD" | openssl passwd -6 -stdin)
    (umask 027; printf '%s:{SHA512-CRYPT}%s\n' "$PREAU_MASTER_USER" "$hash" >"$dir/master-users.tmp")
    mv -f "$dir/master-users.tmp" "$dir/master-users"
    chgrp dovecot "$dir/dovecot.conf" "$dir/dovecot-dict-sql.conf.ext" "$dir/dovecot-oauth2.conf.ext" "$dir/master-users"
    chmod 640 "$dir/master-users"
}

dovecot_pid() { running_pid dovecot dovecot; }

dovecot_ports() {
    printf '%s ' "$PREAU_IMAP_PORT" "$PREAU_IMAPS_PORT" "$PREAU_LMTP_PORT" "$PREAU_SIEVE_PORT" "$PREAU_DOVECOT_AUTH_PORT" \
        "$PREAU_QUOTA_STATUS_PORT" "$PREAU_DOVEADM_PORT"
}

dovecot_start() {
    local label=Dovecot log pid conf port
    log=$(log_file dovecot)
    conf=$(dovecot_conf)
    if pid=$(dovecot_pid) && port_open "$PREAU_IMAP_PORT"; then
        info "Dovecot déjà en marche (pid $pid, port IMAP $PREAU_IMAP_PORT)"
        return 0
    fi
    rm -f "$(pid_file dovecot)"
    command -v dovecot >/dev/null || fail_component "$label" dovecot "dovecot n'est pas installé" "dovecot not installed"
    # shellcheck disable=SC2046
    require_free_port "$label" dovecot $(dovecot_ports)

    dovecot_configure
    touch "$log"
    # Catch configuration errors with a readable message before starting.
    if ! doveconf -c "$conf" -n >/dev/null 2>>"$log"; then
        fail_component "$label" dovecot "configuration invalide" "invalid configuration"
    fi
    # A stale master.pid from a crash makes dovecot refuse to start.
    rm -f "$(dovecot_dir)/run/master.pid"
    # dovecot forks into the background by itself; early errors go to stderr.
    if ! dovecot -c "$conf" >>"$log" 2>&1; then
        fail_component "$label" dovecot "le processus maître s'est arrêté au démarrage" "master process failed"
    fi
    local deadline=$((SECONDS + 15))
    while [[ ! -s $(dovecot_dir)/run/master.pid && $SECONDS -lt $deadline ]]; do sleep 0.1; done
    pid=$(head -n1 "$(dovecot_dir)/run/master.pid" 2>/dev/null || true)
    pid_alive "$pid" || fail_component "$label" dovecot "le processus maître s'est arrêté au démarrage" "master process exited"
    echo "$pid" >"$(pid_file dovecot)"
    for port in $(dovecot_ports); do
        wait_port "$port" "$pid" 15 ||
            fail_component "$label" dovecot "le port $port n'écoute pas" "port $port not listening"
    done
    info "Dovecot démarré (pid $pid, IMAP $PREAU_IMAP_PORT, IMAPS $PREAU_IMAPS_PORT, LMTP $PREAU_LMTP_PORT, ManageSieve $PREAU_SIEVE_PORT, auth $PREAU_DOVECOT_AUTH_PORT, quota-status $PREAU_QUOTA_STATUS_PORT, doveadm $PREAU_DOVEADM_PORT)"
}

dovecot_stop() {
    local pid
    if ! pid=$(dovecot_pid); then
        rm -f "$(pid_file dovecot)"
        return 0
    fi
    info "arrêt de Dovecot (pid $pid)"
    # TERM to the master: it stops its children and exits.
    stop_pids Dovecot 30 "$pid"
    rm -f "$(pid_file dovecot)"
}

dovecot_status() {
    local pid
    if pid=$(dovecot_pid); then
        printf 'dovecot     running (pid %s, ports imap %s, imaps %s, lmtp %s, sieve %s, auth %s, quota-status %s)\n' \
            "$pid" "$PREAU_IMAP_PORT" "$PREAU_IMAPS_PORT" "$PREAU_LMTP_PORT" "$PREAU_SIEVE_PORT" "$PREAU_DOVECOT_AUTH_PORT" \
            "$PREAU_QUOTA_STATUS_PORT"
    else
        printf 'dovecot     stopped\n'
    fi
}
