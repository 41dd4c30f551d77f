# shellcheck shell=bash
# Postfix 3.7: one self-contained instance configured from the templates in
# wildfly-config/mail/postfix/ into $PREAU_HOME/postfix/ (configuration) and
# $PREAU_HOME/spool/ (queue, data), started with
# `postfix -c <absolute dir> start`.

postfix_dir()   { printf '%s/postfix' "$PREAU_HOME"; }
# Must match queue_directory / data_directory in main.cf.
postfix_queue() { printf '%s/spool/postfix' "$PREAU_HOME"; }
postfix_data()  { printf '%s/spool/postfix-data' "$PREAU_HOME"; }

# `postfix` prints nothing when stdout is not a terminal and some checks only
# go to the mail log: run it under script(1) so its messages reach our log.
postfix_cmd() {
    local cmd
    cmd="postfix -c $(postfix_dir) $*"
    script -qefc "$cmd" /dev/null </dev/null | tr -d '\r'
}

postfix_configure() {
    local src=$PREAU_REPO/wildfly-config/mail/postfix dir f
    dir=$(postfix_dir)
    ensure_traversable
    mkdir -p "$dir" "$(postfix_queue)" "$(postfix_data)"
    render_template "$src/main.cf" "$dir/main.cf" 644
    render_template "$src/master.cf" "$dir/master.cf" 644
    for f in pgsql-domains.cf pgsql-mailboxes.cf pgsql-aliases.cf pgsql-sender-login.cf pgsql-list-posting.cf; do
        # Read by proxymap, which runs as the postfix user.
        render_template "$src/$f" "$dir/$f" 640
        chgrp postfix "$dir/$f"
    done
    # The header-From milter, run by spawn(8) as nobody (docs/adr/0076).
    install -m 644 "$src/preau-from-milter.py" "$dir/preau-from-milter.py"
    # The sending-limit policy, also as nobody, and its SQLite counts (docs/adr/0081).
    install -m 644 "$src/preau-rate-policy.py" "$dir/preau-rate-policy.py"
    install -d -m 700 -o nobody -g nogroup "$dir/send-rate"
    # Who may post to a distribution list, as nobody too (docs/adr/0101): it asks
    # PostgreSQL through psql as the mail servers' role, whose password only it reads.
    install -m 644 "$src/preau-list-policy.py" "$dir/preau-list-policy.py"
    install -d -m 700 -o nobody -g nogroup "$dir/list-policy"
    (umask 077; printf '%s:%s:%s:%s:%s\n' "$PREAU_DB_HOST" "$PREAU_DB_PORT" "$PREAU_DB_NAME" "$PREAU_MAILDB_USER" \
        "$PREAU_MAILDB_PASSWORD" >"$dir/list-policy/pgpass")
    chown nobody:nogroup "$dir/list-policy/pgpass"
    # Queue: root-owned top, postfix-owned subfolders, postdrop for
    # maildrop/public. set-permissions creates what is missing and fixes
    # ownership (e.g. after a copy of PREAU_HOME).
    chown root:root "$dir" "$PREAU_HOME/spool" "$(postfix_queue)"
    chmod 755 "$PREAU_HOME/spool" "$(postfix_queue)"
    chown postfix:postfix "$(postfix_data)"
    postfix_cmd set-permissions >>"$(log_file postfix)" 2>&1 || true
}

postfix_pid() { running_pid postfix master; }

postfix_start() {
    local label=Postfix log pid port
    log=$(log_file postfix)
    if pid=$(postfix_pid) && port_open "$PREAU_SMTP_PORT"; then
        info "Postfix déjà en marche (pid $pid, ports $PREAU_SMTP_PORT/$PREAU_SUBMISSION_PORT)"
        return 0
    fi
    rm -f "$(pid_file postfix)"
    command -v postfix >/dev/null || fail_component "$label" postfix "postfix n'est pas installé" "postfix not installed"
    require_free_port "$label" postfix "$PREAU_SMTP_PORT" "$PREAU_SUBMISSION_PORT"

    touch "$log"
    postfix_configure
    # A master.pid left by a crash (the process is gone): remove it, or
    # `postfix start` believes the instance is running.
    local master_pid_file
    master_pid_file=$(postfix_queue)/pid/master.pid
    if [[ -s $master_pid_file ]] && ! pid_alive "$(tr -d ' ' <"$master_pid_file")"; then
        rm -f "$master_pid_file"
    fi
    if ! postfix_cmd check >>"$log" 2>&1; then
        fail_component "$label" postfix "configuration invalide (postfix check)" "postfix check failed"
    fi
    if ! postfix_cmd start >>"$log" 2>&1; then
        fail_component "$label" postfix "postfix start a échoué" "postfix start failed"
    fi
    local deadline=$((SECONDS + 15))
    while [[ ! -s $master_pid_file && $SECONDS -lt $deadline ]]; do sleep 0.1; done
    pid=$(tr -d ' ' <"$master_pid_file" 2>/dev/null || true)
    pid_alive "$pid" || fail_component "$label" postfix "le processus master s'est arrêté au démarrage" "master process exited"
    echo "$pid" >"$(pid_file postfix)"
    for port in "$PREAU_SMTP_PORT" "$PREAU_SUBMISSION_PORT"; do
        wait_port "$port" "$pid" 15 ||
            fail_component "$label" postfix "le port $port n'écoute pas" "port $port not listening"
    done
    info "Postfix démarré (pid $pid, SMTP $PREAU_SMTP_PORT, submission $PREAU_SUBMISSION_PORT)"
}

postfix_stop() {
    local pid
    if ! pid=$(postfix_pid); then
        rm -f "$(pid_file postfix)"
        return 0
    fi
    info "arrêt de Postfix (pid $pid)"
    postfix_cmd stop >>"$(log_file postfix)" 2>&1 || true
    # `postfix stop` returns at once; wait for the master we recorded (and
    # force it if it lingers).
    wait_pids_exit 30 "$pid" || stop_pids Postfix 10 "$pid"
    rm -f "$(pid_file postfix)"
}

postfix_status() {
    local pid
    if pid=$(postfix_pid); then
        printf 'postfix     running (pid %s, ports smtp %s, submission %s)\n' "$pid" "$PREAU_SMTP_PORT" "$PREAU_SUBMISSION_PORT"
    else
        printf 'postfix     stopped\n'
    fi
}
