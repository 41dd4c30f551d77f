# shellcheck shell=bash
# Flyway migrations (ejb/src/main/resources/db/migration) applied to the
# database `preau` as its owner, PREAU_DB_OWNER_USER, not the portal's role
# (docs/adr/0071; postgresql_bootstrap hands an older database over first).
# Flyway keeps its history table, so this runs on every start and does
# nothing when the schema is current.

migrations_dir() { printf '%s/ejb/src/main/resources/db/migration' "$PREAU_REPO"; }

# Fingerprint of the migration files. Kept inside pgdata, so a new cluster
# (pgdata deleted) always gets migrated.
migrations_fingerprint() {
    (cd "$(migrations_dir)" && find . -maxdepth 1 -type f -name '*.sql' -print0 | sort -z | xargs -0 sha256sum) | sha256sum | cut -d' ' -f1
}

migrations_run() {
    local log sum marker
    log=$(log_file migrations)
    marker=$(pg_data)/preau-migrations.sha256
    sum=$(migrations_fingerprint)
    # Maven costs ~5 s: skip it when these exact files were applied already.
    if [[ -f $marker && $(<"$marker") == "$sum" ]]; then
        info "migrations Flyway : déjà appliquées"
        return 0
    fi
    info "migrations Flyway (mvn -pl ejb flyway:migrate)"
    {
        echo "--- $(date -Is) flyway:migrate"
        # The connection goes through the environment, which the Flyway
        # Maven plugin reads: on the command line the password would show
        # in `ps`. Locations and the mailReaderRole and appRole placeholders
        # come from ejb/pom.xml.
        (
            cd "$PREAU_REPO"
            FLYWAY_URL="jdbc:postgresql://$PREAU_DB_HOST:$PREAU_DB_PORT/$PREAU_DB_NAME" \
            FLYWAY_USER=$PREAU_DB_OWNER_USER \
            FLYWAY_PASSWORD=$PREAU_DB_OWNER_PASSWORD \
                mvn -B -q -pl ejb flyway:migrate -Dflyway.validateMigrationNaming=true -Dflyway.outOfOrder=true
        )
    } >>"$log" 2>&1 || {
        printf 'preau: migrations de la base impossibles (Flyway a échoué) (database migration failed)\n' >&2
        printf 'preau: journal : %s\n' "$log" >&2
        exit 1
    }
    echo "$sum" >"$marker"
}
