# shellcheck shell=bash
# `bin/preau test`: the README's test command. Starts what the tests need
# (PostgreSQL, Dovecot, Postfix, Keycloak) in its own runtime folder and ports
# (.preau/test, offset 20 unless PREAU_HOME / PREAU_PORT_OFFSET say otherwise),
# runs the whole Maven build with unit, integration and browser tests
# (Arquillian starts WildFly itself), then stops what it started.

AXE_CORE_VERSION=4.14.1

# Chromium and its driver from Debian (installed with the stack's packages),
# axe-core from npm: nothing downloads a browser of its own.
test_tools() {
    local node_dir=$PREAU_HOME/node
    if [[ ! -f $node_dir/node_modules/axe-core/axe.min.js ]]; then
        info "installation d'axe-core $AXE_CORE_VERSION (npm)…"
        mkdir -p "$node_dir"
        if ! npm install --prefix "$node_dir" --no-audit --no-fund --loglevel=error \
                "axe-core@$AXE_CORE_VERSION" >"$(log_file npm)" 2>&1; then
            fail_component "axe-core (npm)" npm "l'installation a échoué" "npm install failed"
        fi
    fi
    export PREAU_AXE_JS=$node_dir/node_modules/axe-core/axe.min.js
    export PREAU_CHROMIUM=${PREAU_CHROMIUM:-/usr/bin/chromium}
    export PREAU_CHROMEDRIVER=${PREAU_CHROMEDRIVER:-/usr/bin/chromedriver}
}

preau_test() {
    local rc=0 sum
    export PREAU_HOME=${PREAU_HOME:-$PREAU_REPO/.preau/test}
    export PREAU_PORT_OFFSET=${PREAU_PORT_OFFSET:-20}
    PREAU_PACKAGES+=(chromium chromium-driver vdirsyncer)
    # axe-core comes from npm: Debian's npm (with its nodejs) when the machine
    # has no npm of its own (a bare Debian with only a JDK and Maven).
    command -v npm >/dev/null || PREAU_PACKAGES+=(npm)
    require_root
    # Arquillian runs the provisioned server: provision it again if its CLI
    # scripts changed, as bin/preau start does (refused while one runs).
    sum=$(wildfly_cli_sum)
    wildfly_reprovision_if_changed "$sum"
    preau_init_home
    # What the two README commands rely on (bin/preau doctor): a missing
    # prerequisite stops here with its name rather than halfway through.
    preau_doctor >"$(log_file doctor)" 2>&1 ||
        die "prérequis manquants, voir bin/preau doctor (missing prerequisites): $(grep -E 'MANQUANT|TROP VIEUX' "$(log_file doctor)" | tr -s ' ' | paste -sd ';')"
    take_lock
    # From here on, whatever happens (a component that does not start,
    # failed tests, Ctrl-C), the exit handler stops this PREAU_HOME's
    # infrastructure, then releases the lock (on_exit in bin/preau).
    # shellcheck disable=SC2034
    PREAU_STOP_INFRA_ON_EXIT=yes
    cmd_infra_start
    # The hour's sending counts (docs/adr/0081) start from zero for each run.
    rm -f "$PREAU_HOME/postfix/send-rate/"sent.sqlite*
    # The outage tests stop and start servers with bin/preau: under this lock.
    export PREAU_LOCK_OWNER=$$
    test_tools
    info "tests : mvn verify (unitaires, intégration, navigateur)…"
    (cd "$PREAU_REPO" && mvn -B verify \
        -Dpreau.port.offset="$PREAU_PORT_OFFSET" \
        -Dpreau.management.port="$PREAU_MANAGEMENT_PORT" \
        -Dpreau.wildfly.heap="${PREAU_WILDFLY_HEAP:-1g}") || rc=$?
    wildfly_record_cli_sum "$sum"
    if [[ $rc -ne 0 ]]; then
        warn "des tests ont échoué (tests failed); journaux : $PREAU_HOME/log, */target/failsafe-reports, ear/target/screenshots"
    fi
    return $rc
}
