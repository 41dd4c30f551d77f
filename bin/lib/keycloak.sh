# shellcheck shell=bash
# Keycloak (Quarkus distribution from Maven Central) in dev mode: its own H2
# database under the unzipped distribution, realm `preau` imported from
# wildfly-config/keycloak/preau-realm.json on first start.

keycloak_version() {
    # Single source of truth: the parent POM's version.keycloak property.
    local v
    v=$(sed -n 's:.*<version.keycloak>\(.*\)</version.keycloak>.*:\1:p' "$PREAU_REPO/pom.xml" | head -n1)
    printf '%s' "${v:-26.7.3}"
}

keycloak_home() { printf '%s/keycloak/keycloak-%s' "$PREAU_HOME" "$(keycloak_version)"; }

# Unzips the distribution on first start. Maven fetches the zip (or takes it
# from ~/.m2, which is the cache); the copy under PREAU_HOME is deleted once
# unzipped.
keycloak_install() {
    local home ver dir log
    home=$(keycloak_home)
    [[ -x $home/bin/kc.sh ]] && return 0
    ver=$(keycloak_version)
    dir=$PREAU_HOME/keycloak
    log=$(log_file keycloak)
    mkdir -p "$dir"
    info "Keycloak $ver : récupération de la distribution (Maven)"
    # Run outside the repository: a project POM is not needed and the
    # reactor may be incomplete.
    if ! (cd "$dir" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
            -Dartifact="org.keycloak:keycloak-quarkus-dist:$ver:zip" \
            -DoutputDirectory="$dir" -Dmdep.overWriteIfNewer=true) >>"$log" 2>&1; then
        fail_component Keycloak keycloak "téléchargement de org.keycloak:keycloak-quarkus-dist:$ver:zip impossible" "could not fetch the distribution"
    fi
    rm -rf "$home.partial"
    mkdir -p "$home.partial"
    unzip -q "$dir/keycloak-quarkus-dist-$ver.zip" -d "$home.partial" >>"$log" 2>&1 ||
        fail_component Keycloak keycloak "décompression impossible" "unzip failed"
    mv "$home.partial/keycloak-$ver" "$home"
    rm -rf "$home.partial" "$dir/keycloak-quarkus-dist-$ver.zip"
}

# Renders the realm into data/import/ (secrets: mode 600). Dev mode imports
# it only when the realm does not exist yet.
keycloak_render_realm() {
    local home=$1
    # Names of the placeholders used in preau-realm.json (render_template
    # reads them by name).
    # shellcheck disable=SC2034
    local PORTAL_URL=$PREAU_PORTAL_URL OIDC_CLIENT_SECRET=$PREAU_OIDC_CLIENT_SECRET \
        DOVECOT_CLIENT_SECRET=$PREAU_DOVECOT_CLIENT_SECRET DEMO_PASSWORD=$PREAU_DEMO_PASSWORD \
        MAIL_DOMAIN=$PREAU_MAIL_DOMAIN ADMIN_CLIENT_SECRET=$PREAU_ADMIN_CLIENT_SECRET
    mkdir -p "$home/data/import"
    render_template "$PREAU_REPO/wildfly-config/keycloak/preau-realm.json" "$home/data/import/preau-realm.json" 600
}

# The academy's login theme, kept in wildfly-config/keycloak/themes/preau, copied at each start (dev mode does
# not cache themes, so an edited theme shows at the next page load after a restart).
keycloak_install_theme() {
    local home=$1
    rm -rf "$home/themes/preau"
    cp -r "$PREAU_REPO/wildfly-config/keycloak/themes/preau" "$home/themes/preau"
}

# kc.sh runs Java as a child (and may exec a second Java after a rebuild):
# the PID file holds kc.sh's PID, then Java's.
keycloak_pids() {
    local f pid out=()
    f=$(pid_file keycloak)
    [[ -s $f ]] || return 1
    while read -r pid; do
        # Alive and still ours (PIDs get reused after a reboot).
        [[ $pid =~ ^[0-9]+$ ]] && pid_alive "$pid" && pid_is "$pid" keycloak && out+=("$pid")
    done <"$f"
    [[ ${#out[@]} -gt 0 ]] || return 1
    printf '%s\n' "${out[@]}"
}

# Prints the Java child of kc.sh, if any (none when kc.sh exec'ed Java
# itself after a rebuild: then the recorded PID already is Java).
keycloak_java_child() {
    { ps -o pid=,comm= --ppid "$1" 2>/dev/null || true; } | awk '$2 == "java" { print $1 }' | head -n1
}

keycloak_ready() {
    curl -fs -o /dev/null --max-time 5 \
        "http://127.0.0.1:$PREAU_KEYCLOAK_PORT/realms/preau/.well-known/openid-configuration"
}

keycloak_start() {
    local label=Keycloak log home pid java
    log=$(log_file keycloak)
    if keycloak_pids >/dev/null && keycloak_ready; then
        info "Keycloak déjà en marche (pid $(keycloak_pids | tail -n1), port $PREAU_KEYCLOAK_PORT)"
        return 0
    fi
    if keycloak_pids >/dev/null; then
        fail_component "$label" keycloak "un Keycloak de ce PREAU_HOME tourne déjà mais ne répond pas ; lancez bin/preau stop" "a Keycloak of this PREAU_HOME is running but not answering"
    fi
    rm -f "$(pid_file keycloak)"
    require_free_port "$label" keycloak "$PREAU_KEYCLOAK_PORT" "$PREAU_KEYCLOAK_MANAGEMENT_PORT"
    command -v java >/dev/null || fail_component "$label" keycloak "java introuvable" "java not found"

    # Its H2 database (data/h2) holds the client secrets in clear and is
    # created world-readable; Keycloak runs as root, so close the folder to
    # everyone else. At each start: a copied or older runtime gets it too.
    mkdir -p "$PREAU_HOME/keycloak"
    chmod 700 "$PREAU_HOME/keycloak"
    keycloak_install
    home=$(keycloak_home)
    keycloak_render_realm "$home"
    keycloak_install_theme "$home"
    touch "$log"
    echo "--- $(date -Is) kc.sh start-dev" >>"$log"

    # Concurrent logins allowed: Keycloak's default brute-force detector refuses
    # a login while another of the same user is in progress, and a mail
    # client's parallel IMAP connections all check the account password with
    # Keycloak at once (docs/adr/0082). Failures are still counted.
    # setsid: detached from the caller's terminal, so Ctrl-C on a later
    # command does not kill it. The heap is capped: the default takes a share
    # of the machine's memory, too much on a shared box.
    KC_BOOTSTRAP_ADMIN_USERNAME=$PREAU_KEYCLOAK_ADMIN \
    KC_BOOTSTRAP_ADMIN_PASSWORD=$PREAU_KEYCLOAK_ADMIN_PASSWORD \
    JAVA_OPTS_KC_HEAP="-Xms128m -Xmx1g" \
        setsid "$home/bin/kc.sh" start-dev \
            --http-host=127.0.0.1 \
            --http-port="$PREAU_KEYCLOAK_PORT" \
            --http-management-port="$PREAU_KEYCLOAK_MANAGEMENT_PORT" \
            --hostname="$PREAU_KEYCLOAK_URL" \
            --spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true \
            --import-realm \
            >>"$log" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$(pid_file keycloak)"

    info "Keycloak : démarrage (pid $pid, port $PREAU_KEYCLOAK_PORT ; ~40 s la première fois)"
    local deadline=$((SECONDS + 300))
    until keycloak_ready; do
        if ! pid_alive "$pid"; then
            fail_component "$label" keycloak "le processus s'est arrêté au démarrage" "process exited during start-up"
        fi
        if [[ $SECONDS -ge $deadline ]]; then
            keycloak_stop
            fail_component "$label" keycloak "pas de réponse de ${PREAU_KEYCLOAK_URL}/realms/preau après 300 s" "realm not answering after 300 s"
        fi
        sleep 1
    done
    java=$(keycloak_java_child "$pid")
    if [[ -n $java ]]; then
        printf '%s\n%s\n' "$pid" "$java" >"$(pid_file keycloak)"
    fi
    info "Keycloak démarré (pid ${java:-$pid}, port $PREAU_KEYCLOAK_PORT, realm preau)"
}

keycloak_stop() {
    local pids=() p
    mapfile -t pids < <(keycloak_pids || true)
    if [[ ${#pids[@]} -eq 0 ]]; then
        rm -f "$(pid_file keycloak)"
        return 0
    fi
    # Java may have been started after the PID file was written.
    for p in "${pids[@]}"; do
        local child
        child=$(keycloak_java_child "$p")
        [[ -n $child ]] && pids+=("$child")
    done
    mapfile -t pids < <(printf '%s\n' "${pids[@]}" | sort -un)
    info "arrêt de Keycloak (pid ${pids[*]})"
    stop_pids Keycloak 60 "${pids[@]}"
    rm -f "$(pid_file keycloak)"
}

keycloak_status() {
    local pids
    if pids=$(keycloak_pids); then
        printf 'keycloak    running (pid %s, port %s)\n' "$(tail -n1 <<<"$pids")" "$PREAU_KEYCLOAK_PORT"
    else
        printf 'keycloak    stopped\n'
    fi
}
