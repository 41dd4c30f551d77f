package fr.preau.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import fr.preau.testing.ImapProbe;
import fr.preau.testing.KeycloakAdmin;
import fr.preau.testing.TestEnv;
import fr.preau.testing.TestUser;
import jakarta.json.JsonObject;
import jakarta.mail.AuthenticationFailedException;
import org.apache.commons.codec.digest.Sha2Crypt;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 8: wrong passwords typed into mail clients (or guessed by anyone who reaches IMAP) must not lock the
 * account's web sign-in. Keycloak's brute-force detection counts failures per account whatever the client, so
 * Dovecot takes each account-password attempt from a budget of its own before asking Keycloak, and refuses account
 * passwords from mail clients once the budget is spent (docs/adr/0082). The attacks come from mail-client addresses
 * (127.x.y.z, not the portal's), a new one for each guess, as a spray from many machines would, which Dovecot's
 * per-address penalty does not slow down.
 */
class MailPasswordBudgetIT {
    private static final int DEFAULT_BUDGET = 5;

    /**
     * A mail client opens several connections at once (Thunderbird: one per folder it watches), each signing in with
     * the account password, which Dovecot checks with Keycloak's password grant. Keycloak's default brute-force
     * detector refuses a login of a user while another is in progress ("user_temporarily_disabled"); the stack
     * starts Keycloak with concurrent requests allowed (bin/lib/keycloak.sh, docs/adr/0082), so every connection
     * signs in.
     */
    @Test
    void aMailClientsParallelConnectionsAllSignIn() throws Exception {
        String password = "Salle-des-profs-" + UUID.randomUUID().toString().substring(0, 8) + "-2026!";
        String username = "it.parallele-" + UUID.randomUUID().toString().substring(0, 6);
        String address = TestUser.create(username, "Paule", "Parallele", password, false);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 3; round++) {
                List<Future<PasswordGrant.Outcome>> logins = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    logins.add(pool.submit(() -> PasswordGrant.check(address, password)));
                }
                for (Future<PasswordGrant.Outcome> login : logins) {
                    assertEquals(PasswordGrant.Outcome.VALID, login.get(60, TimeUnit.SECONDS),
                            "round " + round + ": every parallel sign-in with the right password is accepted");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * More wrong passwords than Keycloak's own lockout threshold, sent at the same time from as many addresses, spend
     * the budget exactly once: each attempt is counted before Keycloak answers, under a lock, so no more than the
     * budget can reach Keycloak however they interleave, and the web sign-in is never locked by mail clients.
     */
    @Test
    void wrongPasswordsFromMailClientsSpendTheBudgetOnceAndNeverLockTheWebSignIn() throws Exception {
        String password = "Cour-de-recreation-2026-" + UUID.randomUUID().toString().substring(0, 8) + "!";
        String username = "it.essaim-" + UUID.randomUUID().toString().substring(0, 6);
        String address = TestUser.create(username, "Alex", "Essaim", password, false);
        KeycloakAdmin keycloak = new KeycloakAdmin();
        int failureFactor = keycloak.realm().getInt("failureFactor");
        assertTrue(DEFAULT_BUDGET < failureFactor, "the mail budget stays below the realm's lockout");

        guessAtOnce(address, failureFactor + 2);

        assertEquals(DEFAULT_BUDGET, streak(address), "the budget, no more, was handed to Keycloak");
        JsonObject status = keycloakFailures(username, DEFAULT_BUDGET);
        assertTrue(status.getInt("numFailures") < failureFactor, "below Keycloak's lockout: " + status);
        assertFalse(status.getBoolean("disabled"), "the web sign-in is not locked: " + status);
        assertEquals(PasswordGrant.Outcome.VALID, PasswordGrant.check(username, password),
                "Keycloak still accepts the right password");
        assertThrows(AuthenticationFailedException.class,
                () -> ImapProbe.loginFrom(ImapProbe.anotherClientAddress(), address, password).close());
    }

    @Test
    void onceTheBudgetIsSpentTheAccountPasswordIsRefusedButAnAppPasswordStillWorks() throws Exception {
        String password = "Registre-de-notes-2026-" + UUID.randomUUID().toString().substring(0, 8) + "!";
        String username = "it.budget-" + UUID.randomUUID().toString().substring(0, 6);
        String address = TestUser.create(username, "Dominique", "Budget", password, false);
        String appPassword = appPassword(address);
        KeycloakAdmin keycloak = new KeycloakAdmin();

        guess(address, DEFAULT_BUDGET);
        JsonObject spent = keycloak.bruteForceStatus(username);
        assertEquals(DEFAULT_BUDGET, spent.getInt("numFailures"), spent.toString());

        assertThrows(AuthenticationFailedException.class,
                () -> ImapProbe.loginFrom(ImapProbe.anotherClientAddress(), address, password).close(),
                "the right account password is refused from a mail client once the budget is spent");
        JsonObject after = keycloak.bruteForceStatus(username);
        assertEquals(spent.getInt("numFailures"), after.getInt("numFailures"), "Keycloak was not asked: " + after);
        assertEquals(spent.getJsonNumber("lastFailure"), after.getJsonNumber("lastFailure"), after.toString());
        assertFalse(after.getBoolean("disabled"), after.toString());

        try (ImapProbe client = ImapProbe.loginFrom(ImapProbe.anotherClientAddress(), address, appPassword)) {
            assertTrue(client.store().isConnected(), "an app password still opens the mailbox");
        }
        try (ImapProbe portal = ImapProbe.asMaster(address)) {
            assertTrue(portal.store().isConnected(), "the portal's master login is not counted");
        }
        assertEquals(DEFAULT_BUDGET, streak(address), "neither of them ended the streak");
    }

    @Test
    void theRightPasswordEndsTheStreakAndAnOldStreakStartsAfresh() throws Exception {
        String password = "Livret-scolaire-2026-" + UUID.randomUUID().toString().substring(0, 8) + "!";
        String username = "it.serie-" + UUID.randomUUID().toString().substring(0, 6);
        String address = TestUser.create(username, "Morgan", "Série", password, false);

        guess(address, DEFAULT_BUDGET - 1);
        try (ImapProbe client = ImapProbe.loginFrom(ImapProbe.anotherClientAddress(), address, password)) {
            assertTrue(client.store().isConnected());
        }
        assertEquals(0, streak(address), "an accepted account password ends the streak");
        assertEquals(0, new KeycloakAdmin().bruteForceStatus(username).getInt("numFailures"),
                "as Keycloak ended its own count");

        guessAtOnce(address, DEFAULT_BUDGET);
        assertThrows(AuthenticationFailedException.class,
                () -> ImapProbe.loginFrom(ImapProbe.anotherClientAddress(), address, password).close());
        // The last attempt that reached Keycloak is older than the window (12 h): as Keycloak's own count would,
        // the streak starts again, and the right password is asked of Keycloak, which accepts it.
        try (Connection c = database(); PreparedStatement age = c.prepareStatement("update mail_password_streak"
                + " set last_failure_at = now() - interval '12 hours 1 minute'"
                + " where account_id = (select id from account where address = ?)")) {
            age.setString(1, address);
            assertEquals(1, age.executeUpdate());
        }
        try (ImapProbe client = ImapProbe.loginFrom(ImapProbe.anotherClientAddress(), address, password)) {
            assertTrue(client.store().isConnected());
        }
        assertEquals(0, streak(address));
    }

    /** {@code count} wrong passwords over IMAP, each from a mail-client address of its own. */
    private static void guess(String address, int count) {
        for (int i = 0; i < count; i++) {
            String guess = "Devinette-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "!";
            assertThrows(AuthenticationFailedException.class,
                    () -> ImapProbe.loginFrom(ImapProbe.anotherClientAddress(), address, guess).close());
        }
    }

    /**
     * Keycloak's brute-force status of {@code username} once it counts at least {@code failures} failures: it
     * records failures that arrive together a little late (and may count one of them twice), so the count is
     * awaited (30 s at most), never read at once; the portal's own streak is the exact count.
     */
    private static JsonObject keycloakFailures(String username, int failures) throws Exception {
        KeycloakAdmin keycloak = new KeycloakAdmin();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        JsonObject status = keycloak.bruteForceStatus(username);
        while (status.getInt("numFailures") < failures && System.nanoTime() < until) {
            TimeUnit.MILLISECONDS.sleep(100);
            status = keycloak.bruteForceStatus(username);
        }
        assertTrue(status.getInt("numFailures") >= failures, "Keycloak counted the budget: " + status);
        return status;
    }

    /**
     * {@code count} wrong passwords over IMAP sent at the same time, each from an address of its own: the budget
     * counts each under a lock whatever the order, and the test does not wait for Dovecot's delay after each failure
     * in turn. Keycloak records failures that arrive together a little late: read its count with
     * {@link #keycloakFailures}.
     */
    private static void guessAtOnce(String address, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                all.add(pool.submit(() -> guess(address, 1)));
            }
            for (Future<?> f : all) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** An app password for the account, stored as the portal stores one (docs/adr/0070). */
    private static String appPassword(String address) throws SQLException {
        String selector = "bdg" + ThreadLocalRandom.current().nextInt(100, 999);
        String secret = selector + "-hjkmnp-qrstuv-wxyz23";
        try (Connection c = database(); PreparedStatement insert = c.prepareStatement("insert into app_password"
                + " (account_id, name, selector, hash) select id, 'Téléphone', ?, ? from account where address = ?")) {
            insert.setString(1, selector);
            insert.setString(2, "{SHA512-CRYPT}" + Sha2Crypt.sha512Crypt(secret.getBytes(StandardCharsets.UTF_8)));
            insert.setString(3, address);
            assertEquals(1, insert.executeUpdate());
        }
        return secret;
    }

    /** The attempts the account's current streak handed to Keycloak (0 when there is none). */
    private static int streak(String address) throws SQLException {
        try (Connection c = database(); PreparedStatement select = c.prepareStatement("select s.failures from"
                + " mail_password_streak s join account a on a.id = s.account_id where a.address = ?")) {
            select.setString(1, address);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(TestEnv.get("PREAU_DB_URL"), TestEnv.get("PREAU_DB_USER"),
                TestEnv.get("PREAU_DB_PASSWORD"));
    }
}
