package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import fr.preau.testing.ImapProbe;
import fr.preau.testing.Stack;
import fr.preau.testing.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What a user sees when a server stops, and that the portal recovers by itself once it is back, without a redeploy:
 * Dovecot, Postfix, PostgreSQL and Keycloak are really stopped and started again.
 */
class ServiceOutageBrowserIT extends PortalDeployment {
    /** Reloads the page and waits until the element shows the text. */
    private static void reloadUntil(Browser browser, String elementId, String text) {
        browser.driver().navigate().refresh();
        browser.waitUpTo(60).until(ExpectedConditions.textToBePresentInElementLocated(By.id(elementId), text));
    }

    private static void assertNoStackTrace(WebDriver d) {
        String text = d.findElement(By.tagName("body")).getText();
        assertFalse(text.contains("Exception") || text.contains("at fr.preau") || text.contains("jakarta."), text);
    }

    @AfterEach
    void everythingRunsAgain() throws Exception {
        Stack.startAgain();
    }

    @Test
    void serversThatStopAreNamedInFrenchAndThePortalRecoversWhenTheyAreBack() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String username = "it.panne";
        String password = "Coupure-de-courant-" + run + "!";
        String address = TestUser.create(username, "Sam", "Panne", password, false);

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn(username, password);
            assertEquals("Boîte de réception", d.findElement(By.id("folder-title")).getText());

            // Dovecot stops: the page says the mail server is unreachable, and nothing else breaks.
            Stack.stop("dovecot");
            reloadUntil(browser, "mail:messages", "serveur de messagerie IMAP injoignable");
            browser.screenshot("outage-01-dovecot");
            assertNoStackTrace(d);
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the outage page");

            Stack.startAgain();
            reloadUntil(browser, "folders", "Envoyés");
            assertTrue(d.findElements(By.cssSelector("#mail\\:messages li")).isEmpty());

            // Postfix stops: sending fails clearly, and what the user typed is still there.
            Stack.stop("postfix");
            d.findElement(By.id("compose-link")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("compose:to_input")));
            String subject = "Conseil pédagogique " + run;
            browser.writeAndSend(address, subject, "Ordre du jour en pièce jointe.");
            browser.waitUpTo(60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("compose:messages"),
                    "serveur d'envoi SMTP injoignable"));
            browser.screenshot("outage-02-postfix");
            assertEquals(subject, d.findElement(By.id("compose:subject")).getAttribute("value"));

            Stack.startAgain();
            d.findElement(By.id("compose:send")).click();
            browser.waitUpTo(60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail:messages"),
                    "Votre message a été envoyé"));
            try (ImapProbe imap = ImapProbe.asMaster(address)) {
                assertEquals(1, imap.awaitSubject("INBOX", subject, Duration.ofSeconds(30)));
            }

            // PostgreSQL stops: the database is named; the portal comes back with it.
            Stack.stop("postgresql");
            reloadUntil(browser, "mail:messages", "base de données injoignable");
            browser.screenshot("outage-03-postgresql");
            assertNoStackTrace(d);

            Stack.startAgain();
            reloadUntil(browser, "mail:list", subject);

            // Keycloak stops: a signed-in user keeps working; someone arriving at the portal is told why they
            // cannot sign in, in French, instead of a browser error on Keycloak's address.
            Stack.stop("keycloak");
            reloadUntil(browser, "mail:list", subject);
            try (Browser newcomer = new Browser()) {
                newcomer.driver().get(Browser.portal() + "/");
                newcomer.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                        By.tagName("main"), "service d'authentification injoignable"));
                newcomer.screenshot("outage-04-keycloak");
                assertEquals(List.of(), newcomer.accessibilityProblems(), "axe-core on the sign-in outage page");
                Stack.startAgain();
                newcomer.driver().get(Browser.portal() + "/");
                newcomer.waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            }
        }
    }
}
