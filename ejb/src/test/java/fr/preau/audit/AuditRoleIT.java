package fr.preau.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import fr.preau.testing.TestEnv;
import org.junit.jupiter.api.Test;

/**
 * The audit log is append-only because of the database role the portal connects as (issue 9, item 12; ADR 0071),
 * not because of a setting: connected to the real PostgreSQL exactly as the portal's datasource is
 * ({@code PREAU_DB_USER}), UPDATE, DELETE (even after declaring the old purge setting) and TRUNCATE are refused, and
 * so is every way of taking the guard down; the only delete is the retention purge function, which keeps at least
 * the minimum retention. Attacks run inside a transaction that is rolled back, so a guard that gives way changes
 * nothing for the other tests.
 */
class AuditRoleIT {
    /** PostgreSQL's insufficient_privilege. */
    private static final String REFUSED = "42501";

    /** PostgreSQL's invalid_parameter_value. */
    private static final String INVALID = "22023";

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void thePortalsRoleCanNeitherUpdateNorDeleteNorTruncateAnEntry() throws SQLException {
        String actor = "it.role." + run;
        try (Connection c = asPortal()) {
            c.setAutoCommit(false);
            try {
                insert(c, actor, "0 days");
                String mine = " where actor = '" + actor + "'";
                refused(c, "update audit_entry set success = false, detail = 'effacé'" + mine);
                refused(c, "delete from audit_entry" + mine);
                // The guard of migration V71 alone let through a transaction that declared itself the purge.
                try (Statement st = c.createStatement()) {
                    st.execute("select set_config('preau.audit_purge', 'on', true)");
                }
                refused(c, "delete from audit_entry" + mine);
                refused(c, "truncate audit_entry");
                refused(c, "insert into audit_entry (at, action, actor, success) values (now(), 'SIGN_IN', '" + actor
                        + "', true) on conflict (id) do update set detail = 'réécrit'");
                assertEquals(1, count(c, actor), "the entry is still there, unchanged");
                assertEquals(1, count(c, actor, "and success and detail is null"));
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void thePortalsRoleCannotTakeTheGuardDown() throws SQLException {
        String portal = TestEnv.get("PREAU_DB_USER");
        List<String> attacks = List.of(
                "alter table audit_entry disable trigger audit_entry_append_only",
                "alter table audit_entry disable trigger all",
                "drop trigger audit_entry_append_only on audit_entry",
                "create or replace function audit_entry_append_only() returns trigger language plpgsql "
                        + "as $$ begin return old; end; $$",
                "alter function audit_entry_append_only() owner to " + portal,
                "create or replace function audit_purge(retention_days integer) returns integer language sql "
                        + "security definer as $$ delete from audit_entry returning 0 $$",
                "alter function audit_purge(integer) security invoker",
                "alter table audit_entry owner to " + portal,
                "alter table audit_entry rename to audit_entry_old",
                "drop table audit_entry",
                "create table audit_entry_copy (id bigint)",
                "set role " + TestEnv.get("PREAU_DB_OWNER_USER"));
        try (Connection c = asPortal()) {
            c.setAutoCommit(false);
            try {
                for (String attack : attacks) {
                    refused(c, attack);
                }
                // Granting itself DELETE is a no-op with a warning (the portal owns nothing), not a way in.
                try (Statement st = c.createStatement()) {
                    st.execute("grant delete, update, truncate on audit_entry to " + portal);
                }
                refused(c, "delete from audit_entry where actor = 'it.role." + run + "'");
                refused(c, "truncate audit_entry");
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void theRetentionPurgeDeletesOnlyEntriesOlderThanTheRetentionAndRefusesAShorterOne() throws SQLException {
        String actor = "it.purge-role." + run;
        try (Connection c = asPortal()) {
            insert(c, actor, "366 days");
            insert(c, actor, "364 days");
            insert(c, actor, "10 days");

            for (String tooShort : List.of("179", "0", "-1", "null", "36501")) {
                SQLException e = assertThrows(SQLException.class, () -> purge(c, tooShort), tooShort);
                assertEquals(INVALID, e.getSQLState(), tooShort + ": " + e.getMessage());
            }
            assertEquals(3, count(c, actor), "a refused purge deletes nothing");

            assertTrue(purge(c, "365") >= 1);
            assertEquals(2, count(c, actor), "the 366-day-old entry is gone, the 364-day-old one stays");
            assertEquals(0, count(c, actor, "and at < now() - interval '365 days'"));

            assertTrue(purge(c, "180") >= 1);
            assertEquals(1, count(c, actor), "at the shortest retention allowed, only the last 180 days stay");
        }
    }

    @Test
    void ordinaryTablesStayWritableIncludingThoseOfLaterMigrations() throws SQLException {
        String name = "it.role." + run;
        try (Connection c = asPortal(); Statement st = c.createStatement()) {
            st.executeUpdate("insert into academy_setting (name, value) values ('" + name + "', '1')");
            assertEquals(1, st.executeUpdate("update academy_setting set value = '2' where name = '" + name + "'"));
            assertEquals(1, st.executeUpdate("delete from academy_setting where name = '" + name + "'"));
        }

        // A table a later migration creates (as the owner, like Flyway) is the portal's to use at once.
        String table = "it_role_" + run.replace('-', '_');
        try (Connection owner = asOwner(); Statement ddl = owner.createStatement()) {
            ddl.execute("create table " + table + " (id bigserial primary key, v text)");
            try (Connection c = asPortal(); Statement st = c.createStatement()) {
                st.executeUpdate("insert into " + table + " (v) values ('a')");
                assertEquals(1, st.executeUpdate("update " + table + " set v = 'b'"));
                assertEquals(1, st.executeUpdate("delete from " + table));
                refused(c, "drop table " + table);
            } finally {
                ddl.execute("drop table if exists " + table);
            }
        }
    }

    @Test
    void theMailServersRoleStillReadsItsViewsAndNothingElse() throws SQLException {
        try (Connection c = DriverManager.getConnection(TestEnv.get("PREAU_DB_URL"), TestEnv.get("PREAU_MAILDB_USER"),
                TestEnv.get("PREAU_MAILDB_PASSWORD")); Statement st = c.createStatement()) {
            st.executeQuery("select count(*) from mail_server_userdb").close();
            refused(c, "select count(*) from audit_entry");
            refused(c, "select count(*) from account");
        }
    }

    private static Connection asPortal() throws SQLException {
        return DriverManager.getConnection(TestEnv.get("PREAU_DB_URL"), TestEnv.get("PREAU_DB_USER"),
                TestEnv.get("PREAU_DB_PASSWORD"));
    }

    private static Connection asOwner() throws SQLException {
        return DriverManager.getConnection(TestEnv.get("PREAU_DB_URL"), TestEnv.get("PREAU_DB_OWNER_USER"),
                TestEnv.get("PREAU_DB_OWNER_PASSWORD"));
    }

    /** The statement fails for lack of privilege; inside a transaction, the transaction goes on. */
    private static void refused(Connection c, String sql) throws SQLException {
        Savepoint savepoint = c.getAutoCommit() ? null : c.setSavepoint();
        SQLException e;
        try (Statement st = c.createStatement()) {
            e = assertThrows(SQLException.class, () -> st.execute(sql), "accepted: " + sql);
        }
        if (savepoint != null) {
            c.rollback(savepoint);
        }
        assertEquals(REFUSED, e.getSQLState(), sql + ": " + e.getMessage());
    }

    private static void insert(Connection c, String actor, String age) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("insert into audit_entry (at, action, actor, subject, success) "
                + "values (now() - cast(? as interval), 'SIGN_IN', ?, ?, true)")) {
            q.setString(1, age);
            q.setString(2, actor);
            q.setString(3, actor);
            q.executeUpdate();
        }
    }

    private static int purge(Connection c, String retentionDays) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select audit_purge(cast(" + retentionDays + " as integer))")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long count(Connection c, String actor) throws SQLException {
        return count(c, actor, "");
    }

    private static long count(Connection c, String actor, String andCondition) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "select count(*) from audit_entry where actor = ? " + andCondition)) {
            q.setString(1, actor);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
