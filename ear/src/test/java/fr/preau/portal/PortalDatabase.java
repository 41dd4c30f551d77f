package fr.preau.portal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import fr.preau.testing.TestEnv;

/** The test stack's PostgreSQL, for what a browser test sets up around the portal. */
final class PortalDatabase {
    private PortalDatabase() {
    }

    static Connection open() throws SQLException {
        return DriverManager.getConnection(TestEnv.get("PREAU_DB_URL"), TestEnv.get("PREAU_DB_USER"),
                TestEnv.get("PREAU_DB_PASSWORD"));
    }

    /** Sets an academy setting, or with null goes back to its default. */
    static void academySetting(String name, String value) throws SQLException {
        try (Connection c = open(); PreparedStatement s = c.prepareStatement(value == null
                ? "delete from academy_setting where name = ?"
                : "insert into academy_setting (name, value) values (?, ?)"
                        + " on conflict (name) do update set value = excluded.value")) {
            s.setString(1, name);
            if (value != null) {
                s.setString(2, value);
            }
            s.executeUpdate();
        }
    }

    /** Runs one statement with text parameters. */
    static void update(String statement, String... values) throws SQLException {
        try (Connection c = open(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    /** The first column of the first row of a query with text parameters, as a number. */
    static long number(String query, String... values) throws SQLException {
        try (Connection c = open(); PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
