package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import fr.preau.testing.TestEnv;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;

/**
 * The nightly job {@code audit-purge} of the deployed EAR, started as the scheduler starts it (through the batch
 * subsystem here): entries older than the retention (365 days by default) are deleted, recent ones stay.
 */
class AuditPurgeJobIT extends PortalDeployment {
    @Test
    void theNightlyJobPurgesOnlyEntriesOlderThanTheRetention() throws Exception {
        String actor = "it.purge." + UUID.randomUUID().toString().substring(0, 6);
        insert(actor, Instant.now().minus(Duration.ofDays(366)));
        insert(actor, Instant.now().minus(Duration.ofDays(364)));
        assertEquals(2, count(actor));

        try (ModelControllerClient client = ModelControllerClient.Factory.create("127.0.0.1",
                Integer.parseInt(System.getProperty("preau.management.port", "9990")))) {
            ModelNode start = new ModelNode();
            start.get("operation").set("start-job");
            start.get("address").add("deployment", "preau.ear").add("subdeployment", "preau-batch.jar")
                    .add("subsystem", "batch-jberet");
            start.get("job-xml-name").set("audit-purge");
            ModelNode result = client.execute(start);
            assertEquals("success", result.get("outcome").asString(), result.toString());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count(actor) > 1 && System.nanoTime() < deadline) {
            Thread.sleep(300);
        }
        assertEquals(1, count(actor), "the 366-day-old entry is purged, the 364-day-old one stays");
        assertTrue(countOlderThan(actor, Duration.ofDays(365)) == 0);
        assertTrue(purgeRecorded(), "the purge leaves its own line in the log");
    }

    private static boolean purgeRecorded() throws SQLException {
        try (Connection c = db(); PreparedStatement q = c.prepareStatement("select count(*) from audit_entry "
                + "where action = 'ADMIN_ACTION' and actor is null and detail like 'audit-purge : %' "
                + "and at > now() - interval '5 minutes'"); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(TestEnv.get("PREAU_DB_URL"), TestEnv.get("PREAU_DB_USER"),
                TestEnv.get("PREAU_DB_PASSWORD"));
    }

    private static void insert(String actor, Instant at) throws SQLException {
        try (Connection c = db(); PreparedStatement q = c.prepareStatement("insert into audit_entry "
                + "(at, action, actor, subject, success) values (?, 'SIGN_IN', ?, ?, true)")) {
            q.setTimestamp(1, Timestamp.from(at));
            q.setString(2, actor);
            q.setString(3, actor);
            q.executeUpdate();
        }
    }

    private static long count(String actor) throws SQLException {
        return countOlderThan(actor, Duration.ZERO);
    }

    private static long countOlderThan(String actor, Duration age) throws SQLException {
        try (Connection c = db(); PreparedStatement q = c.prepareStatement(
                "select count(*) from audit_entry where actor = ? and at <= ?")) {
            q.setString(1, actor);
            q.setTimestamp(2, Timestamp.from(Instant.now().minus(age)));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
