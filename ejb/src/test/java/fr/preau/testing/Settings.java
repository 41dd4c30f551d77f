package fr.preau.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Academy settings written straight to PostgreSQL (JDBC, from outside the server), for browser tests. */
public final class Settings {
    private Settings() {
    }

    /** Sets a setting, or with {@code null} removes it (its default applies). */
    public static void put(String name, String value) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestEnv.get("PREAU_DB_URL"), TestEnv.get("PREAU_DB_USER"),
                TestEnv.get("PREAU_DB_PASSWORD"))) {
            try (PreparedStatement delete = c.prepareStatement("delete from academy_setting where name = ?")) {
                delete.setString(1, name);
                delete.executeUpdate();
            }
            if (value != null) {
                try (PreparedStatement insert = c.prepareStatement(
                        "insert into academy_setting (name, value) values (?, ?)")) {
                    insert.setString(1, name);
                    insert.setString(2, value);
                    insert.executeUpdate();
                }
            }
        }
    }
}
