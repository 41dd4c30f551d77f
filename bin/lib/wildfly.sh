# shellcheck shell=bash
# WildFly: provisioned by Maven into wildfly-config/target/server (dist zip + the
# CLI scripts of wildfly-config/src/main/cli), run with its own base folder in
# $PREAU_HOME/wildfly so that runtime state (deployments, data, logs) never
# mixes with the provisioned server that the Arquillian tests also use.

wildfly_server_dir() { printf '%s/wildfly-config/target/server' "$PREAU_REPO"; }
wildfly_ear() { printf '%s/ear/target/preau.ear' "$PREAU_REPO"; }

# Builds the EAR (and provisions WildFly the first time). Unit tests run too;
# the integration tests belong to `bin/preau test`.
wildfly_build() {
    info "construction de Préau (mvn package)…"
    if ! (cd "$PREAU_REPO" && mvn -B -q package) >"$(log_file build)" 2>&1; then
        fail_component "La construction (Maven)" build "mvn package a échoué" "the Maven build failed"
    fi
}

wildfly_start() {
    local pid base server
    if pid=$(running_pid wildfly); then
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
    (
        export JBOSS_PIDFILE LAUNCH_JBOSS_IN_BACKGROUND=1
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
        if [[ $SECONDS -gt 10 ]] && ! running_pid wildfly >/dev/null; then
            fail_component "WildFly" wildfly "le processus s'est arrêté" "the process exited"
        fi
        sleep 1
    done
    fail_component "WildFly" wildfly "pas prêt après 240 s" "not ready after 240 s"
}

wildfly_stop() {
    local pid
    if pid=$(running_pid wildfly); then
        info "arrêt de WildFly (pid $pid)…"
        stop_pids WildFly 60 "$pid"
    fi
    rm -f "$(pid_file wildfly)"
}

wildfly_status() {
    local pid
    if pid=$(running_pid wildfly); then
        printf '%-12s en marche (pid %s, %s)\n' WildFly "$pid" "$PREAU_PORTAL_URL"
    else
        printf '%-12s arrêté\n' WildFly
    fi
}
