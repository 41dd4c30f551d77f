# shellcheck shell=bash
# `bin/preau bench`: the benchmark of docs/benchmarks.md. Starts the portal
# like `bin/preau start` (nothing restarts when it runs already), then runs
# fr.preau.portal.PortalBench (ear test classes, Maven profile `bench`)
# against it: a 20,000-message inbox seeded once with doveadm, the portal's
# first page, opening a message and a search next to the raw IMAP time of the
# same operations. Not part of `bin/preau test`.

preau_bench() {
    cmd_start
    env_load
    info "banc d'essai : mvn -Pbench verify (quelques minutes)…"
    (
        cd "$PREAU_REPO"
        set -a
        # shellcheck disable=SC1090
        . "$(env_file)"
        set +a
        # -DskipTests: this builds the benchmark and runs it against the started
        # portal; the tests themselves are `bin/preau test`, which skips nothing.
        mvn -B -Pbench verify -DskipTests -pl ejb,web,batch,ear
    ) || die "le banc d'essai a échoué (benchmark failed)"
    info "résultats : docs/benchmarks.md"
}
