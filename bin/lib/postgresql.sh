# shellcheck shell=bash
# PostgreSQL 15: a private cluster in $PREAU_HOME/pgdata, run as the
# "postgres" OS user, listening on 127.0.0.1:PREAU_DB_PORT (password auth,
# scram) and on a Unix socket inside PREAU_HOME (peer auth, for bin/preau's
# own admin work). A system PostgreSQL, if any, is never touched.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

pg_data()       { printf '%s/pgdata' "$PREAU_HOME"; }
pg_socket_dir() { printf '%s/run/postgresql' "$PREAU_HOME"; }

# Runs a command as postgres without a login shell or PAM session (setpriv
# execs directly, so pg_ctl/psql see a clean, predictable environment).
as_postgres() {
    setpriv --reuid=postgres --regid=postgres --init-groups \
        env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=/tmp "$@"
}

# psql as the superuser over the private socket. Extra args are passed on.
pg_psql() {
    as_postgres "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
        -h "$(pg_socket_dir)" -p "$PREAU_DB_PORT" -U postgres "$@"
}

postgresql_pid() { running_pid postgresql postgres; }

postgresql_start() {
    local label=PostgreSQL log data sock pid
    log=$(log_file postgresql)
    data=$(pg_data)
    sock=$(pg_socket_dir)

    if pid=$(postgresql_pid) && port_open "$PREAU_DB_PORT"; then
        info "PostgreSQL déjà en marche (pid $pid, port $PREAU_DB_PORT)"
        return 0
    fi
    rm -f "$(pid_file postgresql)"
    [[ -x $PG_BIN/postgres ]] || fail_component "$label" postgresql "$PG_BIN/postgres introuvable" "PostgreSQL 15 binaries not found"
    id postgres >/dev/null 2>&1 || fail_component "$label" postgresql "l'utilisateur système postgres n'existe pas" "no postgres OS user"

    # A Unix socket path is limited to 107 bytes.
    if (( ${#sock} + 20 > 107 )); then
        fail_component "$label" postgresql "chemin de PREAU_HOME trop long pour un socket Unix ($sock)" "PREAU_HOME path too long for a Unix socket"
    fi
    require_free_port "$label" postgresql "$PREAU_DB_PORT"

    ensure_traversable
    mkdir -p "$sock" "$PREAU_HOME/run"
    chown postgres:postgres "$sock"
    touch "$log"
    chown postgres:postgres "$log"

    if [[ ! -s $data/PG_VERSION ]]; then
        info "PostgreSQL : création du cluster dans $data"
        mkdir -p "$data"
        chown postgres:postgres "$data"
        chmod 700 "$data"
        # Local (socket) connections: peer, i.e. only the postgres OS user as
        # the postgres role. TCP: scram passwords.
        as_postgres "$PG_BIN/initdb" -D "$data" -U postgres \
            --auth-local=peer --auth-host=scram-sha-256 \
            --encoding=UTF8 --locale=C.UTF-8 >>"$log" 2>&1 ||
            fail_component "$label" postgresql "initdb a échoué" "initdb failed"
        echo "include_if_exists = 'preau.conf'" >>"$data/postgresql.conf"
    fi

    # Settings that depend on PREAU_HOME / the port: rewritten on each start.
    cat >"$data/preau.conf" <<CONF
# Written by bin/preau at each start; do not edit.
listen_addresses = '127.0.0.1'
port = $PREAU_DB_PORT
unix_socket_directories = '$sock'
password_encryption = 'scram-sha-256'
max_connections = 100
shared_buffers = 64MB
logging_collector = off
log_line_prefix = '%m [%p] %q%u@%d '
CONF
    chown postgres:postgres "$data/preau.conf"

    # pg_ctl daemonizes the server and waits (-w) until it accepts
    # connections; the server writes its log itself (-l, opened as postgres).
    # shellcheck disable=SC2094
    if ! as_postgres "$PG_BIN/pg_ctl" -D "$data" -l "$log" -w -t 60 start >>"$log" 2>&1; then
        fail_component "$label" postgresql "le serveur ne répond pas (voir le journal)" "server did not come up"
    fi
    pid=$(head -n1 "$data/postmaster.pid")
    echo "$pid" >"$(pid_file postgresql)"
    wait_port "$PREAU_DB_PORT" "$pid" 30 ||
        fail_component "$label" postgresql "le port $PREAU_DB_PORT n'écoute pas" "port $PREAU_DB_PORT not listening"

    postgresql_bootstrap
    info "PostgreSQL démarré (pid $pid, port $PREAU_DB_PORT)"
}

# Roles and database. Run on every start: creating what is missing and
# (re)setting the passwords from preau.env, so the two can never drift.
# Two roles for the portal (docs/adr/0071): the owner (preau_owner) owns the
# database and every object in it and runs Flyway; the datasource's role
# (preau) owns nothing and gets row privileges only (V85), so it can neither
# change the audit log nor take its guard down.
postgresql_bootstrap() {
    # Values are hex (openssl rand -hex): safe inside SQL quotes.
    pg_psql -d postgres >>"$(log_file postgresql)" 2>&1 <<SQL || fail_component PostgreSQL postgresql "création des rôles impossible" "could not create roles"
select format('create role %I login', 'preau_owner') where not exists (select 1 from pg_roles where rolname = 'preau_owner') \gexec
select format('create role %I login', 'preau') where not exists (select 1 from pg_roles where rolname = 'preau') \gexec
select format('create role %I login', 'preau_mail') where not exists (select 1 from pg_roles where rolname = 'preau_mail') \gexec
alter role preau_owner nosuperuser nocreatedb nocreaterole password '$PREAU_DB_OWNER_PASSWORD';
alter role preau nosuperuser nocreatedb nocreaterole password '$PREAU_DB_PASSWORD';
alter role preau_mail password '$PREAU_MAILDB_PASSWORD';
select 'create database preau owner preau_owner encoding ''UTF8''' where not exists (select 1 from pg_database where datname = 'preau') \gexec
-- preau_mail reads the mail_server_* views and writes mail_quota_clone (granted by V2 and V120, Flyway).
grant connect on database preau to preau_mail;
SQL
    # A database made before the owner role existed (everything owned by the
    # portal's role): handed over to the owner before Flyway runs as it.
    # REASSIGN also moves the database itself, and with it the schema public
    # (owned by pg_database_owner). A no-op once preau owns nothing.
    pg_psql -d preau >>"$(log_file postgresql)" 2>&1 <<SQL || fail_component PostgreSQL postgresql "transfert des objets au rôle propriétaire impossible" "could not hand the database over to the owner role"
reassign owned by preau to preau_owner;
SQL
}

postgresql_stop() {
    local pid
    if ! pid=$(postgresql_pid); then
        rm -f "$(pid_file postgresql)"
        return 0
    fi
    info "arrêt de PostgreSQL (pid $pid)"
    # SIGINT = "fast" shutdown: roll back open transactions, checkpoint, exit.
    kill -INT "$pid" 2>/dev/null || true
    wait_pids_exit 60 "$pid" || stop_pids PostgreSQL 10 "$pid"
    rm -f "$(pid_file postgresql)"
}

postgresql_status() {
    local pid
    if pid=$(postgresql_pid); then
        printf 'postgresql  running (pid %s, port %s)\n' "$pid" "$PREAU_DB_PORT"
    else
        printf 'postgresql  stopped\n'
    fi
}
