# shellcheck shell=bash
# Shared helpers for bin/preau: paths, messages, PID files, ports, templates.
# Sourced by bin/preau, which sets PREAU_REPO (the repository root, derived
# from the script's own location) before sourcing this file.

# --- messages ---------------------------------------------------------------

info() { printf 'preau: %s\n' "$*"; }
warn() { printf 'preau: attention : %s\n' "$*" >&2; }
die()  { printf 'preau: %s\n' "$*" >&2; exit 1; }

# One clear line naming the component and why, then where to look (the brief's
# house style: French first, English after), and a non-zero exit.
#   fail_component <label> <log name> <raison> [<English reason>]
fail_component() {
    local label=$1 log=$2 why=$3 en=${4:-}
    local line="preau: ${label} ne démarre pas : ${why}"
    [[ -n $en ]] && line+=" (${label} failed to start: ${en})"
    printf '%s\n' "$line" >&2
    # Also into the component's log, so the log alone tells the story.
    if [[ -d $PREAU_HOME/log ]]; then
        printf '%s %s\n' "$(date -Is)" "$line" >>"$(log_file "$log")" 2>/dev/null || true
    fi
    printf 'preau: journal : %s\n' "$(log_file "$log")" >&2
    exit 1
}

# --- folders ----------------------------------------------------------------

log_file() { printf '%s/log/%s.log' "$PREAU_HOME" "$1"; }
pid_file() { printf '%s/pids/%s.pid' "$PREAU_HOME" "$1"; }

# PREAU_HOME must be absolute: Postfix silently ignores a relative -c path and
# every generated config file embeds it.
preau_init_home() {
    PREAU_HOME=${PREAU_HOME:-$PREAU_REPO/.preau/dev}
    mkdir -p "$PREAU_HOME"
    PREAU_HOME=$(cd "$PREAU_HOME" && pwd -P)
    mkdir -p "$PREAU_HOME"/{log,pids,tls}
    chmod 755 "$PREAU_HOME"
    export PREAU_HOME
}

# Service users (postgres, vmail, dovecot, postfix) must be able to walk down
# to PREAU_HOME: give "search" (x) permission on every parent folder that
# lacks it, e.g. a home directory in mode 700.
ensure_traversable() {
    local dir=$PREAU_HOME
    while [[ $dir != / ]]; do
        if [[ $(( 0$(stat -c %a "$dir") & 01 )) -eq 0 ]]; then
            chmod o+x "$dir"
        fi
        dir=$(dirname "$dir")
    done
}

# --- processes --------------------------------------------------------------

pid_alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }

# True if the process's command line contains the given text. PID files
# outlive a reboot and PIDs get reused: this keeps stop from signalling an
# unrelated process that happens to carry a recorded PID.
pid_is() {
    local pid=$1 what=$2
    grep -qF -- "$what" "/proc/$pid/cmdline" 2>/dev/null
}

# Prints the PID recorded for a component if that process is still alive
# and, when given, its command line contains <text> (i.e. it still is ours).
#   running_pid <name> [<text>]
running_pid() {
    local f pid
    f=$(pid_file "$1")
    [[ -s $f ]] || return 1
    pid=$(head -n1 "$f")
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    pid_alive "$pid" || return 1
    if [[ -n ${2:-} ]]; then pid_is "$pid" "$2" || return 1; fi
    printf '%s' "$pid"
}

# Waits until every given PID has exited (timeout in seconds as $1), then
# returns 0; returns 1 if one is still alive at the end.
wait_pids_exit() {
    local timeout=$1; shift
    local deadline=$((SECONDS + timeout)) p alive
    while :; do
        alive=0
        for p in "$@"; do pid_alive "$p" && alive=1; done
        [[ $alive -eq 0 ]] && return 0
        [[ $SECONDS -ge $deadline ]] && return 1
        sleep 0.2
    done
}

# Sends TERM to the given PIDs, waits, and escalates to KILL after a timeout.
#   stop_pids <label> <timeout> <pid>...
stop_pids() {
    local label=$1 timeout=$2; shift 2
    local p
    for p in "$@"; do
        if pid_alive "$p"; then kill -TERM "$p" 2>/dev/null || true; fi
    done
    if ! wait_pids_exit "$timeout" "$@"; then
        warn "${label} ne s'arrête pas en ${timeout} s, arrêt forcé (KILL)"
        for p in "$@"; do
            if pid_alive "$p"; then kill -KILL "$p" 2>/dev/null || true; fi
        done
        wait_pids_exit 10 "$@" || true
    fi
}

# --- ports ------------------------------------------------------------------

# True if something accepts TCP connections on 127.0.0.1:port. bash's
# /dev/tcp needs no extra tool; a listener on 0.0.0.0 answers here too.
port_open() {
    timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# Refuse to start a component whose port is already taken by someone else.
#   require_free_port <label> <log name> <port>...
require_free_port() {
    local label=$1 log=$2 port; shift 2
    for port in "$@"; do
        if port_open "$port"; then
            fail_component "$label" "$log" "le port $port est déjà utilisé" "port $port is already in use"
        fi
    done
}

# Waits until a port accepts connections while the process is alive.
#   wait_port <port> <pid> <timeout>
wait_port() {
    local port=$1 pid=$2 timeout=$3
    local deadline=$((SECONDS + timeout))
    while [[ $SECONDS -lt $deadline ]]; do
        port_open "$port" && return 0
        pid_alive "$pid" || return 1
        sleep 0.2
    done
    return 1
}

# --- templates --------------------------------------------------------------

# Copies a template, replacing every @NAME@ with the value of the shell
# variable NAME (e.g. @PREAU_HOME@). Unknown placeholders make start fail, so
# a typo in a template cannot produce a half-configured server.
#   render_template <template> <destination> [mode]
render_template() {
    local src=$1 dst=$2 mode=${3:-644}
    local content name value
    content=$(<"$src")
    while [[ $content =~ @([A-Z][A-Z0-9_]*)@ ]]; do
        name=${BASH_REMATCH[1]}
        [[ -v $name ]] || die "modèle $src : variable inconnue @$name@"
        value=${!name}
        content=${content//@"$name"@/$value}
    done
    local tmp
    mkdir -p "$(dirname "$dst")"
    tmp=$(mktemp "$dst.XXXXXX") || die "écriture de $dst impossible (cannot write $dst)"
    printf '%s\n' "$content" >"$tmp"
    chmod "$mode" "$tmp"
    mv -f "$tmp" "$dst"
}
