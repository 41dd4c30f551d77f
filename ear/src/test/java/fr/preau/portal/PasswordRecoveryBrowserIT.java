package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.preau.testing.Accounts;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.TestEnv;
import fr.preau.testing.TestUser;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Password recovery through a personal address (ADR 0065), in Chromium against the real Keycloak, Postfix and
 * Dovecot: a second local mail domain plays the personal mailbox. The user registers and verifies the address on
 * "Mon compte › Sécurité", signs out, follows "Mot de passe oublié ?" from Keycloak's login page, reads the reset
 * mail, chooses a new password (mismatch and policy refusals in French first) and signs in with it. An unknown
 * identifier gets the same neutral answer; a used, unknown or expired link a clear page. axe-core on every page.
 */
class PasswordRecoveryBrowserIT extends PortalDeployment {
    private static final String PERSONAL_DOMAIN = "perso-preau.test";
    private static final Pattern LINK = Pattern.compile("https?://\\S+\\?jeton=[A-Za-z0-9_-]{43}");

    @Test
    void aUserRecoversTheirPasswordThroughTheirPersonalAddress() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String username = "it.secours";
        String password = "Cartable-vert-" + run + "-3!";
        String recovered = "Preau-retrouve-" + run + "-8?";
        TestUser.create(username, "Rémi", "Secours", password, false);
        // The test may run several times within the hour on one stack: it starts below the hourly limit.
        sql("delete from recovery_token where username = ?", username);
        sql("insert into mail_domain (name, active) values (?, true) on conflict do nothing", PERSONAL_DOMAIN);
        String personal = "remi.secours." + run + "@" + PERSONAL_DOMAIN;
        Accounts.ensure("it.perso." + run, personal, "Boîte personnelle de Rémi");
        Accounts.ensure("ne-pas-repondre", "ne-pas-repondre@" + TestEnv.domain(), "Messagerie académique");
        sql("insert into academy_setting (name, value) values ('identity.recovery.sender', ?)"
                + " on conflict (name) do update set value = excluded.value", "ne-pas-repondre@" + TestEnv.domain());

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            String portal = Browser.portal();
            browser.signIn(username, password);

            // Mon compte › Sécurité: register the personal address, verify it from the mail it receives.
            d.findElement(By.id("account-link")).click();
            browser.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.id("nav-security"))).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery-title")));
            d.findElement(By.id("recovery:address")).sendKeys("remi.secours@" + TestEnv.domain());
            d.findElement(By.id("recovery:recovery-save")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("recovery:address-message"), "pas une adresse de la messagerie académique"));
            d.findElement(By.id("recovery:address")).clear();
            d.findElement(By.id("recovery:address")).sendKeys(personal);
            d.findElement(By.id("recovery:recovery-save")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("security-status"),
                    "Un lien de vérification a été envoyé à " + personal));
            assertTrue(d.findElement(By.id("recovery-state")).getText().startsWith("En attente"));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the security page");
            String verify = awaitLink(personal, "Vérifiez votre adresse de secours");
            d.get(verify);
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("verify-valid")));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the verification page");
            d.get(verify);
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("verify-unknown")));
            d.get(portal + "/account/security.xhtml");
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("recovery-state"),
                    "Vérifiée"));
            // The owner is told at the academic address.
            try (ImapProbe academic = ImapProbe.asMaster(username + "@" + TestEnv.domain())) {
                assertEquals(1, academic.awaitSubject("INBOX", "Sécurité de votre compte : l'adresse de secours a été"
                        + " changée (" + personal + ")", Duration.ofSeconds(60)));
            }

            // A phone with an app password, which the reset below revokes because Rémi asks for it.
            d.get(portal + "/account/app-passwords.xhtml");
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("apppasswords:name")));
            d.findElement(By.id("apppasswords:name")).sendKeys("Téléphone " + run);
            d.findElement(By.id("apppasswords:create")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("created-password")));
            String appPassword = d.findElement(By.id("created-password")).getText().strip();
            ImapProbe.login(username + "@" + TestEnv.domain(), appPassword).close();

            // Signed out: "Mot de passe oublié ?" on Keycloak's login page; the same answer for an unknown account.
            browser.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
            d.get(portal + "/");
            browser.waitUpTo(60).until(ExpectedConditions.elementToBeClickable(By.id("forgot-password")));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on Keycloak's login page");
            d.findElement(By.id("forgot-password")).click();
            String neutral = ask(browser, "personne.inconnue");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the forgotten password page");
            d.findElement(By.id("back-to-login")).click();
            browser.waitUpTo(60).until(ExpectedConditions.elementToBeClickable(By.id("forgot-password"))).click();
            assertEquals(neutral, ask(browser, username));
            String reset = awaitLink(personal, "Réinitialisation de votre mot de passe");

            // The link's page: the new password twice, refusals in French, then done.
            d.get(reset);
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("reset:password")));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the new password page");
            choose(d, recovered, recovered + "x");
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("reset:messages"),
                    "Les deux mots de passe ne sont pas identiques."));
            choose(d, "court-1!", "court-1!");
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("reset:messages"),
                    "au moins 12 caractères"));
            d.findElement(By.cssSelector("[id='reset:revoke-credentials'] .ui-chkbox-box")).click();
            choose(d, recovered, recovered);
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("reset-done")));
            assertThrows(AuthenticationFailedException.class,
                    () -> ImapProbe.login(username + "@" + TestEnv.domain(), appPassword).close(),
                    "the app password was revoked with the reset");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the password changed page");

            // A link works once; an unknown or expired link explains itself.
            d.get(reset);
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("link-used")));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the used link page");
            d.get(portal + "/public/nouveau-mot-de-passe.xhtml?jeton=" + "x".repeat(43));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("link-unknown")));
            String expired = "E" + run.replaceAll("[^A-Za-z0-9]", "0") + "e".repeat(36);
            sql("insert into recovery_token (token_hash, username, created_at, expires_at)"
                    + " values (?, 'it.secours', now() - interval '2 hours', now() - interval '1 hour')",
                    sha256(expired));
            d.get(portal + "/public/nouveau-mot-de-passe.xhtml?jeton=" + expired);
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("link-expired")));
            assertTrue(d.findElement(By.id("link-expired")).getText().contains("a expiré"));

            // The new password signs in.
            browser.signIn(username, recovered);
            assertEquals("Rémi Secours", d.findElement(By.id("user-name")).getText());
        }
        try (ImapProbe mailbox = ImapProbe.asMaster(personal)) {
            assertEquals(1, mailbox.subjects("INBOX").stream()
                    .filter("Réinitialisation de votre mot de passe"::equals).count(), "one reset mail, none for"
                    + " the unknown identifier");
        }
    }

    private static String ask(Browser browser, String identifier) {
        WebDriver d = browser.driver();
        browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("forgot:identifier")));
        d.findElement(By.id("forgot:identifier")).sendKeys(identifier);
        d.findElement(By.id("forgot:send")).click();
        browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("forgot-sent")));
        return d.findElement(By.id("forgot-sent")).getText();
    }

    private static void choose(WebDriver d, String password, String confirmation) {
        d.findElement(By.id("reset:password")).sendKeys(password);
        d.findElement(By.id("reset:confirmation")).sendKeys(confirmation);
        d.findElement(By.id("reset:save")).click();
    }

    /** The link of the newest message with this subject in the personal mailbox (waits for it). */
    private static String awaitLink(String address, String subject) throws Exception {
        try (ImapProbe mailbox = ImapProbe.asMaster(address)) {
            assertTrue(mailbox.awaitSubject("INBOX", subject, Duration.ofSeconds(60)) > 0, subject);
            Folder inbox = mailbox.store().getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                Message[] all = inbox.getMessages();
                for (int i = all.length - 1; i >= 0; i--) {
                    if (subject.equals(all[i].getSubject())) {
                        Matcher m = LINK.matcher(String.valueOf(all[i].getContent()));
                        assertTrue(m.find(), "a link in the mail");
                        return m.group();
                    }
                }
            } finally {
                inbox.close(false);
            }
        }
        throw new AssertionError(subject);
    }

    private static void sql(String statement, String value) throws Exception {
        try (Connection c = DriverManager.getConnection(TestEnv.get("PREAU_DB_URL"), TestEnv.get("PREAU_DB_USER"),
                TestEnv.get("PREAU_DB_PASSWORD")); PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, value);
            s.executeUpdate();
        }
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.US_ASCII)));
    }
}
