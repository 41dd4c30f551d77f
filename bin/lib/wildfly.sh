# shellcheck shell=bash
# WildFly: provisioned by Maven into wildfly-config/target/server (dist zip + the
# CLI scripts of wildfly-config/src/main/cli), run with its own base folder in
# $PREAU_HOME/wildfly so that runtime state (deployments, data, logs) never
# mixes with the provisioned server that the Arquillian tests also use.

wildfly_server_dir() { printf '%s/wildfly-config/target/server' "$PREAU_REPO"; }
wildfly_ear() { printf '%s/ear/target/preau.ear' "$PREAU_REPO"; }

# The PID file holds Java's PID (standalone.sh writes it); its command line
# names jboss-modules.jar.
wildfly_pid() { running_pid wildfly jboss-modules; }

# --- provisioning -----------------------------------------------------------
# Maven provisions target/server only when its marker .preau-provisioned is
# missing, so an edited CLI script would be ignored until `mvn clean`. A
# checksum of what provisioning reads, kept next to the marker, tells when
# the server must be provisioned again.

wildfly_cli_sum_file() { printf '%s/.preau-cli.sha256' "$(wildfly_server_dir)"; }

wildfly_cli_sum() {
    (cd "$PREAU_REPO/wildfly-config" && sha256sum pom.xml src/main/cli/*) | sha256sum | cut -d' ' -f1
}

# PIDs of every WildFly running from the provisioned server, whatever its
# PREAU_HOME (bin/preau start) or none (Arquillian in `mvn verify`): they
# read its modules, so it cannot be deleted under them. Both launchers run
# `java … -jar <server>/jboss-modules.jar`; mapfile reads the NUL-separated
# command line without a process per PID.
wildfly_server_users() {
    local jar proc args i
    jar=$(wildfly_server_dir)/jboss-modules.jar
    for proc in /proc/[0-9]*; do
        mapfile -d '' args 2>/dev/null <"$proc/cmdline" || continue
        for ((i = 0; i + 1 < ${#args[@]}; i++)); do
            if [[ ${args[i]} == -jar && ${args[i + 1]} == "$jar" ]]; then
                printf '%s\n' "${proc#/proc/}"
                break
            fi
        done
    done
}

# Deletes target/server when the CLI scripts or wildfly-config/pom.xml
# changed since it was provisioned (or when that is unknown), so that the
# next Maven build provisions it again.
#   wildfly_reprovision_if_changed <checksum from wildfly_cli_sum>
wildfly_reprovision_if_changed() {
    local sum=$1 server sum_file users
    server=$(wildfly_server_dir)
    sum_file=$(wildfly_cli_sum_file)
    [[ -d $server ]] || return 0
    [[ -f $sum_file && $(<"$sum_file") == "$sum" ]] && return 0
    users=$(wildfly_server_users | paste -sd' ')
    if [[ -n $users ]]; then
        die "la configuration WildFly (wildfly-config/src/main/cli, pom.xml) a changé mais un WildFly tourne depuis $server (pid $users) : arrêtez-le d'abord (bin/preau stop wildfly) (WildFly must be stopped before it is provisioned again)"
    fi
    info "configuration WildFly modifiée : nouveau provisionnement de $server (CLI scripts changed)"
    rm -rf "$server"
}

# Records the checksum once Maven has provisioned the server.
#   wildfly_record_cli_sum <checksum>
wildfly_record_cli_sum() {
    if [[ -f $(wildfly_server_dir)/.preau-provisioned ]]; then
        printf '%s\n' "$1" >"$(wildfly_cli_sum_file)"
    fi
}

# Builds the EAR (and provisions WildFly when needed). Unit tests run too;
# the integration tests belong to `bin/preau test`.
wildfly_build() {
    local sum
    # Taken before the build: a script edited during it is seen next time.
    sum=$(wildfly_cli_sum)
    wildfly_reprovision_if_changed "$sum"
    info "construction de Préau (mvn package)…"
    if ! (cd "$PREAU_REPO" && mvn -B -q package) >"$(log_file build)" 2>&1; then
        fail_component "La construction (Maven)" build "mvn package a échoué" "the Maven build failed"
    fi
    wildfly_record_cli_sum "$sum"
}

wildfly_start() {
    local pid base server launched
    if pid=$(wildfly_pid); then
        info "WildFly tourne déjà (pid $pid, $PREAU_PORTAL_URL)"
        return 0
    fi
    require_free_port "WildFly" wildfly "$PREAU_HTTP_PORT" "$PREAU_MANAGEMENT_PORT"
    wildfly_build
    server=$(wildfly_server_dir)
    [[ -x $server/bin/standalone.sh ]] || fail_component "WildFly" build \
        "le serveur n'a pas été provisionné ($server)" "the server was not provisioned"

    base=$PREAU_HOME/wildfly
    mkdir -p "$base/deployments" "$base/data" "$base/log"
    # The configuration is the provisioned one, taken afresh at each start.
    rm -rf "$base/configuration"
    cp -r "$server/standalone/configuration" "$base/configuration"
    rm -f "$base/deployments/preau.ear".{failed,deployed,undeployed,isdeploying,pending}
    cp "$(wildfly_ear)" "$base/deployments/preau.ear"

    info "démarrage de WildFly (port $PREAU_HTTP_PORT)…"
    # standalone.sh writes the PID file a moment after it starts: until
    # then (at most 10 s from here) a missing file is not an exit.
    rm -f "$(pid_file wildfly)"
    launched=$SECONDS
    (
        # An explicit heap (standalone.conf's default is 512 MB): PREAU_WILDFLY_HEAP, 1 GB unless set.
        export JBOSS_PIDFILE LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_JAVA_SIZING
        JBOSS_JAVA_SIZING="-Xms256m -Xmx${PREAU_WILDFLY_HEAP:-1g}"
        JBOSS_PIDFILE=$(pid_file wildfly)
        nohup "$server/bin/standalone.sh" \
            -Djboss.server.base.dir="$base" \
            -Djboss.socket.binding.port-offset="$PREAU_PORT_OFFSET" \
            -b 127.0.0.1 -bmanagement 127.0.0.1 \
            >"$(log_file wildfly)" 2>&1 </dev/null &
    )
    local deadline=$((SECONDS + 240))
    while [[ $SECONDS -lt $deadline ]]; do
        if [[ -f $base/deployments/preau.ear.deployed ]]; then
            info "WildFly prêt, Préau déployé ($PREAU_PORTAL_URL)"
            return 0
        fi
        if [[ -f $base/deployments/preau.ear.failed ]]; then
            # A server without the portal helps nobody: stop it, the log says why.
            wildfly_stop >/dev/null
            fail_component "WildFly" wildfly "le déploiement de preau.ear a échoué ($base/log/server.log)" \
                "deployment of preau.ear failed"
        fi
        if [[ -s $(pid_file wildfly) || $((SECONDS - launched)) -gt 10 ]] && ! wildfly_pid >/dev/null; then
            fail_component "WildFly" wildfly "le processus s'est arrêté" "the process exited"
        fi
        sleep 1
    done
    fail_component "WildFly" wildfly "pas prêt après 240 s" "not ready after 240 s"
}

wildfly_stop() {
    local pid
    if pid=$(wildfly_pid); then
        info "arrêt de WildFly (pid $pid)…"
        stop_pids WildFly 60 "$pid"
    fi
    rm -f "$(pid_file wildfly)"
}

wildfly_status() {
    local pid
    if pid=$(wildfly_pid); then
        printf '%-12s en marche (pid %s, %s)\n' WildFly "$pid" "$PREAU_PORTAL_URL"
    else
        printf '%-12s arrêté\n' WildFly
    fi
}
