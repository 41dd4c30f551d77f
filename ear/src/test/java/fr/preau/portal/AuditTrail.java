package fr.preau.portal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import fr.preau.testing.TestEnv;

/** Reads the audit log straight from PostgreSQL, to check what the portal wrote. */
final class AuditTrail {
    private AuditTrail() {
    }

    /** "ACTION ip success" lines of the entries whose actor is {@code username}, oldest first. */
    static List<String> of(String username) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestEnv.get("PREAU_DB_URL"), TestEnv.get("PREAU_DB_USER"),
                TestEnv.get("PREAU_DB_PASSWORD"));
                PreparedStatement q = c.prepareStatement(
                        "select action, ip, success from audit_entry where actor = ? order by at, id")) {
            q.setString(1, username);
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getBoolean(3));
                }
            }
            return lines;
        }
    }

    /** "ACTION actor detail" lines of the entries about {@code subject}, oldest first. */
    static List<String> about(String subject) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestEnv.get("PREAU_DB_URL"), TestEnv.get("PREAU_DB_USER"),
                TestEnv.get("PREAU_DB_PASSWORD"));
                PreparedStatement q = c.prepareStatement(
                        "select action, actor, detail from audit_entry where subject = ? order by at, id")) {
            q.setString(1, subject);
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            return lines;
        }
    }

    /**
     * Forgets the entries of a test user. The portal's role cannot (docs/adr/0071): this connects as the owner of the
     * schema and declares itself to the table's trigger, as the owner's purge function does.
     */
    static void forget(String username) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestEnv.get("PREAU_DB_URL"),
                TestEnv.get("PREAU_DB_OWNER_USER"), TestEnv.get("PREAU_DB_OWNER_PASSWORD"))) {
            c.setAutoCommit(false);
            try (PreparedStatement purge = c.prepareStatement("select set_config('preau.audit_purge', 'on', true)");
                    PreparedStatement delete = c.prepareStatement(
                            "delete from audit_entry where actor = ? or subject = ?")) {
                purge.execute();
                delete.setString(1, username);
                delete.setString(2, username);
                delete.executeUpdate();
            }
            c.commit();
        }
    }
}
