package fr.preau.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Account rows for test users, written straight to PostgreSQL (JDBC, from outside the server): a row is all Dovecot
 * and Postfix need to serve a mailbox.
 */
public final class Accounts {
    private Accounts() {
    }

    /** Creates the account if missing (enabled, quota class standard). */
    public static void ensure(String username, String address, String displayName) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestEnv.get("PREAU_DB_URL"), TestEnv.get("PREAU_DB_USER"),
                TestEnv.get("PREAU_DB_PASSWORD"));
                PreparedStatement insert = c.prepareStatement("insert into account (username, address, display_name,"
                        + " quota_class, enabled) values (?, ?, ?, 'standard', true)"
                        + " on conflict (username) do update set enabled = true")) {
            insert.setString(1, username);
            insert.setString(2, address);
            insert.setString(3, displayName);
            insert.executeUpdate();
        }
    }
}
