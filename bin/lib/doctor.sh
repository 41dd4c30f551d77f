# shellcheck shell=bash
# `bin/preau doctor`: what the two README commands (start, test) rely on, and
# what is missing. Prerequisites must be on the machine before them; the rest
# bin/preau installs from Debian's packages (packages.sh, test.sh) or from
# Maven Central (Keycloak, WildFly). Exit status 1 when a prerequisite is
# missing. Keep this list true when a script starts using a new command: a
# maintainer repeats the check on a clean Debian root (docs/development.md).

# command:what it is for
DOCTOR_PREREQUISITES=(
    "bash:the scripts themselves"
    "java:JDK 17+ (Keycloak, WildFly, Maven)"
    "javac:JDK 17+ (the build)"
    "mvn:Maven (the build, Keycloak and WildFly from Maven Central)"
    "apt-get:Debian's package manager (installs the servers)"
    "dpkg-query:which Debian packages are installed"
    "debconf-set-selections:Postfix's install question"
    "useradd:the vmail system user"
    "setsid:servers detached from the terminal"
    "timeout:bounded waits"
    "sha256sum:WildFly re-provisioning checksum"
    "sed:templates"
    "awk:templates"
    "find:clean-ups"
)

# command:Debian package that provides it (installed by bin/preau when missing)
DOCTOR_INSTALLED=(
    "openssl:openssl"
    "curl:curl"
    "unzip:unzip"
    "pgrep:procps"
    "psql:postgresql"
    "dovecot:dovecot-imapd"
    "postfix:postfix"
    "chromium:chromium (bin/preau test)"
    "chromedriver:chromium-driver (bin/preau test)"
    "vdirsyncer:vdirsyncer (bin/preau test, the CardDAV client of CardDavIT)"
    "npm:npm (bin/preau test, axe-core)"
    "python3:python3 (Postfix's From: check, a milter)"
)

doctor_has() {
    case $1 in
        # PostgreSQL's programs live outside PATH on Debian.
        psql) [[ -x $PG_BIN/psql ]] || command -v psql >/dev/null ;;
        dovecot) command -v dovecot >/dev/null || [[ -x /usr/sbin/dovecot ]] ;;
        postfix) command -v postfix >/dev/null || [[ -x /usr/sbin/postfix ]] ;;
        *) command -v "$1" >/dev/null ;;
    esac
}

# Prints one line per "command:what" entry; returns 1 when one is missing.
#   doctor_list <word when missing> <printf format of the missing line's tail> <entry>...
doctor_list() {
    local absent=$1 tail=$2 entry cmd what rc=0
    shift 2
    for entry in "$@"; do
        cmd=${entry%%:*} what=${entry#*:}
        if doctor_has "$cmd"; then
            printf '  ok        %-24s %s\n' "$cmd" "$what"
        else
            # shellcheck disable=SC2059
            printf "  %-9s %-24s $tail\n" "$absent" "$cmd" "$what"
            rc=1
        fi
    done
    return $rc
}

preau_doctor() {
    local missing=0 version
    printf 'Prérequis (à installer avant bin/preau start / test) — prerequisites:\n'
    doctor_list MANQUANT '%s (missing)' "${DOCTOR_PREREQUISITES[@]}" || missing=1
    if command -v java >/dev/null; then
        version=$(java -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -1)
        if [[ -n $version && $version -lt 17 ]]; then
            printf '  TROP VIEUX java %s : il faut un JDK 17 ou plus (JDK 17+ required)\n' "$version"
            missing=1
        fi
    fi
    printf 'Installés par bin/preau si absents (Debian) — installed by bin/preau when missing:\n'
    doctor_list 'à venir' 'paquet %s (to be installed)' "${DOCTOR_INSTALLED[@]}" || true
    printf 'Keycloak et WildFly : téléchargés depuis Maven Central par bin/preau (from Maven Central).\n'
    if [[ $(id -u) -ne 0 ]]; then
        printf '  MANQUANT  root : bin/preau start / test installent des paquets et lancent des serveurs (must run as root)\n'
        missing=1
    fi
    if [[ $missing -ne 0 ]]; then
        printf 'preau doctor : il manque des prérequis (missing prerequisites)\n' >&2
        return 1
    fi
    printf 'preau doctor : tout y est (all prerequisites present)\n'
}
