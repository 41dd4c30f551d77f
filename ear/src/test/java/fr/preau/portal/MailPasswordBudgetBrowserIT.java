package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import fr.preau.testing.ImapProbe;
import fr.preau.testing.KeycloakAdmin;
import fr.preau.testing.TestUser;
import jakarta.json.JsonObject;
import jakarta.mail.AuthenticationFailedException;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 8 (docs/adr/0082): once wrong passwords from mail clients have spent the account's budget, the
 * mail client is refused even the right account password, while the web sign-in is untouched; signing in to the
 * portal (Keycloak clears its own count then) ends the streak, and the mail client works again.
 */
class MailPasswordBudgetBrowserIT extends PortalDeployment {
    private static final int DEFAULT_BUDGET = 5;

    @Test
    void signingInToThePortalEndsTheMailClientsStreak() throws Exception {
        String password = "Salle-des-maitres-2026-" + UUID.randomUUID().toString().substring(0, 6) + "!";
        String username = "it.portail-" + UUID.randomUUID().toString().substring(0, 6);
        String address = TestUser.create(username, "Sasha", "Portail", password, false);
        KeycloakAdmin keycloak = new KeycloakAdmin();

        for (int i = 0; i < DEFAULT_BUDGET; i++) {
            String guess = "Devinette-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "!";
            assertThrows(AuthenticationFailedException.class,
                    () -> ImapProbe.loginFrom(ImapProbe.anotherClientAddress(), address, guess).close());
        }
        assertThrows(AuthenticationFailedException.class,
                () -> ImapProbe.loginFrom(ImapProbe.anotherClientAddress(), address, password).close(),
                "the budget is spent: the mail client is refused the right password");
        JsonObject before = keycloak.bruteForceStatus(username);
        assertFalse(before.getBoolean("disabled"), before.toString());

        try (Browser browser = new Browser()) {
            browser.signIn(username, password);
            browser.screenshot("mail-budget-01-signed-in");
        }
        assertEquals(0, keycloak.bruteForceStatus(username).getInt("numFailures"), "Keycloak cleared its count");

        try (ImapProbe client = ImapProbe.loginFrom(ImapProbe.anotherClientAddress(), address, password)) {
            assertTrue(client.store().isConnected(), "after a portal sign-in the mail client works again");
        }
    }
}
