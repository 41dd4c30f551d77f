# shellcheck shell=bash
# Debian packages the local stack needs. apt runs only when one is missing,
# so a second start on an installed machine costs nothing.

PREAU_PACKAGES=(
    dovecot-imapd dovecot-lmtpd dovecot-sieve dovecot-managesieved dovecot-pgsql
    postfix postfix-pgsql
    # Runs Postfix's header-From milter (docs/adr/0076).
    python3
    postgresql openssl
    # Used by the scripts themselves; absent from minimal images.
    curl unzip procps
)

package_installed() {
    [[ $(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true) == installed ]]
}

packages_missing() {
    local p
    for p in "${PREAU_PACKAGES[@]}"; do
        package_installed "$p" || printf '%s\n' "$p"
    done
}

# The packages enable their system services, which would start on the
# standard ports at the next boot: bin/preau runs its own instances, so
# disable the services of what this run installed. A PostgreSQL, Dovecot
# or Postfix that was there before keeps its settings. `systemctl disable`
# only edits unit links, so it works without a running systemd.
#   packages_disable_services <service>...
packages_disable_services() {
    [[ $# -gt 0 ]] || return 0
    command -v systemctl >/dev/null || return 0
    info "services système désactivés (bin/preau a les siens) : $*"
    systemctl disable "$@" >>"$(log_file apt)" 2>&1 || true
}

packages_install() {
    local missing
    mapfile -t missing < <(packages_missing)
    [[ ${#missing[@]} -eq 0 ]] && return 0
    [[ $(id -u) -eq 0 ]] || die "paquets manquants (${missing[*]}) : relancez en root ou installez-les (missing packages, run as root)"
    info "installation des paquets Debian : ${missing[*]}"
    local log
    log=$(log_file apt)

    # Postfix asks questions at install time; "No configuration" leaves
    # /etc/postfix empty, which is what we want: our instance has its own
    # config directory.
    echo 'postfix postfix/main_mailer_type select No configuration' | debconf-set-selections

    # Which servers are new to this machine (by their base packages),
    # whose services are disabled after the install.
    local services=()
    package_installed dovecot-core || services+=(dovecot)
    package_installed postfix || services+=(postfix)
    package_installed postgresql-common || services+=(postgresql)

    # policy-rc.d returning 101 tells invoke-rc.d not to start the packaged
    # services (system Dovecot/Postfix/PostgreSQL on the standard ports).
    # An existing policy (e.g. a container image's) is put back afterwards.
    local policy=/usr/sbin/policy-rc.d backup=""
    if [[ -e $policy ]]; then
        backup=$(mktemp /usr/sbin/.policy-rc.d.preau.XXXXXX)
        cp -p "$policy" "$backup"
    fi
    printf '#!/bin/sh\n# Written by bin/preau during apt-get install.\nexit 101\n' >"$policy"
    chmod 755 "$policy"

    local rc=0
    {
        # Another apt may hold the lock (e.g. an image still provisioning):
        # wait for it rather than fail.
        apt-get -o DPkg::Lock::Timeout=600 update &&
        DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${missing[@]}"
    } >>"$log" 2>&1 || rc=$?

    if [[ -n $backup ]]; then mv -f "$backup" "$policy"; else rm -f "$policy"; fi
    if [[ $rc -ne 0 ]]; then
        printf 'preau: installation des paquets impossible (apt-get a échoué, code %s) (package install failed)\n' "$rc" >&2
        printf 'preau: journal : %s\n' "$log" >&2
        exit 1
    fi
    packages_disable_services "${services[@]}"
}
