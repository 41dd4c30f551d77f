package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.preau.testing.Accounts;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.KeycloakAdmin;
import fr.preau.testing.Settings;
import fr.preau.testing.SmtpProbe;
import fr.preau.testing.TestEnv;
import fr.preau.testing.TestUser;
import jakarta.mail.AuthenticationFailedException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Account security in a real Chromium against the real stack: a teacher creates an app password for her phone,
 * which a plain IMAP and SMTP client then uses, revokes it (the next login fails), and reads her recent activity;
 * an administrator searches the audit log. Along the way: a new session id at sign-in, the cookie flags, and each
 * page accessible (axe-core).
 */
class AccountSecurityBrowserIT extends PortalDeployment {
    @Test
    void aTeacherCreatesUsesAndRevokesAnAppPasswordThenReadsHerActivity() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String username = "it.mobile";
        String password = "Carnet-de-bord-" + run + "-7!";
        String address = TestUser.create(username, "Inès", "Mobile", password, false);
        AuditTrail.forget(username);
        String device = "Téléphone " + run;

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            d.get(Browser.portal() + "/mail/inbox.xhtml");
            browser.waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            Cookie before = d.manage().getCookieNamed("JSESSIONID");
            browser.signIn(username, password);
            Cookie after = d.manage().getCookieNamed("JSESSIONID");
            assertNotNull(after);
            if (before != null) {
                assertNotEquals(before.getValue(), after.getValue(), "a new session id at sign-in");
            }
            assertTrue(after.isHttpOnly(), "session cookie HttpOnly");
            assertEquals("Lax", after.getSameSite());

            // Mon compte › Mots de passe d'application: a bad name is explained, then one is created.
            d.findElement(By.id("account-link")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("apppasswords:name")));
            assertEquals("Mots de passe d'application", d.findElement(By.id("apppasswords-title")).getText());
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the app passwords page");
            d.findElement(By.id("apppasswords:create")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("apppasswords:name-message"), "Indiquez le nom de l'appareil"));
            d.findElement(By.id("apppasswords:name")).sendKeys(device);
            d.findElement(By.id("apppasswords:create")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("created-password")));
            browser.screenshot("20-app-password-created");
            String appPassword = d.findElement(By.id("created-password")).getText().strip();
            assertEquals(address, d.findElement(By.id("created-login")).getText().strip());
            assertTrue(d.findElement(By.id("apppasswords:list")).getText().contains(device));
            assertTrue(d.findElement(By.id("apppasswords:list")).getText().contains("Jamais utilisé"));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with the new password shown");

            // A plain IMAP client and an SMTP submission sign in with it.
            try (ImapProbe phone = ImapProbe.login(address, appPassword)) {
                assertNotNull(phone.subjects("INBOX"));
            }
            SmtpProbe.submit(address, appPassword, address, "Depuis mon téléphone " + run);

            // Shown once: after a reload, only the name and the dates remain; the last use is known.
            // (reloaded until the list shows the use: under load the page may come before Dovecot's stamp)
            browser.waitUpTo(30).pollingEvery(Duration.ofSeconds(2)).until(driver -> {
                driver.navigate().refresh();
                String list = driver.findElement(By.id("apppasswords:list")).getAttribute("textContent");
                return list.contains(device) && !list.contains("Jamais utilisé");
            });
            assertTrue(d.findElements(By.id("created-password")).isEmpty(), "the password is shown only once");
            assertFalse(d.getPageSource().contains(appPassword));

            // Revoked (after confirming): the next login fails.
            d.findElement(By.id("apppasswords:list:0:revoke")).click();
            browser.waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("apppasswords:confirm-yes")));
            d.findElement(By.id("apppasswords:confirm-yes")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("apppasswords:messages"), "a été révoqué"));
            browser.screenshot("21-app-password-revoked");
            assertTrue(d.findElement(By.id("apppasswords:list")).getText().contains("Aucun mot de passe"));
            assertThrows(AuthenticationFailedException.class, () -> ImapProbe.login(address, appPassword).close());

            // Activité récente: her sign-in and both changes, newest first.
            d.findElement(By.id("nav-activity")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("activity:entries")));
            browser.screenshot("22-activity");
            String activity = d.findElement(By.id("activity:entries")).getText();
            assertTrue(activity.contains("Connexion"), activity);
            assertTrue(activity.contains("Mot de passe d'application créé"), activity);
            assertTrue(activity.contains("Mot de passe d'application révoqué"), activity);
            assertTrue(activity.indexOf("révoqué") < activity.indexOf("créé"), "newest first: " + activity);
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on Activité récente");

            // Not an administrator: the audit search is refused.
            assertTrue(d.findElements(By.id("nav-audit")).isEmpty());
            d.get(Browser.portal() + "/admin/audit.xhtml");
            assertTrue(d.findElements(By.id("audit-search:search")).isEmpty());

            d.get(Browser.portal() + "/mail/inbox.xhtml");
            browser.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.id("logout"))).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
        }
        List<String> trail = AuditTrail.of(username);
        assertEquals(1, trail.stream().filter(l -> l.startsWith("SIGN_IN ")).count(), trail.toString());
        assertTrue(trail.stream().anyMatch(l -> l.matches("SIGN_IN [0-9a-f.:]+ true")), trail.toString());
        assertTrue(trail.stream().anyMatch(l -> l.startsWith("APP_PASSWORD_CREATED ")), trail.toString());
        assertTrue(trail.stream().anyMatch(l -> l.startsWith("APP_PASSWORD_REVOKED ")), trail.toString());
        assertTrue(trail.get(trail.size() - 1).startsWith("SIGN_OUT "), trail.toString());
    }

    @Test
    void anOldSignInMustBeRenewedBeforeTheAccountsProtectionChangesAndTheOwnerIsTold() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String username = "it.vigilant";
        String password = "Cahier-de-liaison-" + run + "-4!";
        String address = TestUser.create(username, "Véra", "Vigilant", password, false);
        AuditTrail.forget(username);
        Accounts.ensure("ne-pas-repondre", "ne-pas-repondre@" + TestEnv.domain(), "Messagerie académique");
        Settings.put("identity.recovery.sender", "ne-pas-repondre@" + TestEnv.domain());
        String device = "Tablette " + run;

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn(username, password);
            Instant signedIn = Instant.now();
            // A sign-in older than the academy allows (one second here, ten minutes by default): someone who
            // holds the open session, not necessarily the owner.
            Settings.put("identity.reauth.max-age", "PT1S");
            try {
                browser.waitUpTo(10).until(x -> Instant.now().isAfter(signedIn.plusSeconds(2)));

                d.get(Browser.portal() + "/account/app-passwords.xhtml");
                browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("apppasswords:name")));
                d.findElement(By.id("apppasswords:name")).sendKeys(device);
                d.findElement(By.id("apppasswords:create")).click();
                // Keycloak asks for the password again, even though its own session is open.
                browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
                assertTrue(d.getCurrentUrl().contains("max_age=0"), d.getCurrentUrl());
                assertEquals(0, AuditTrail.of(username).stream()
                        .filter(l -> l.startsWith("APP_PASSWORD_CREATED ")).count(), "nothing created");

                // The recovery address too (on the security page).
                d.get(Browser.portal() + "/account/security.xhtml");
                browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery:address")));
                d.findElement(By.id("recovery:address")).sendKeys("vera." + run + "@exemple.org");
                d.findElement(By.id("recovery:recovery-save")).click();
                browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-login")));
                assertFalse(AuditTrail.of(username).stream().anyMatch(l -> l.startsWith("RECOVERY_ADDRESS_")),
                        "no recovery address recorded");
            } finally {
                Settings.put("identity.reauth.max-age", null);
            }

            // Signed in again (the password typed now): back on the page, the action goes through.
            d.findElement(By.id("password")).sendKeys(password);
            d.findElement(By.id("kc-login")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("recovery:address")));
            d.get(Browser.portal() + "/account/app-passwords.xhtml");
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("apppasswords:name")));
            d.findElement(By.id("apppasswords:name")).sendKeys(device);
            d.findElement(By.id("apppasswords:create")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("created-password")));
        }

        // The owner is told at the academic address.
        try (ImapProbe mailbox = ImapProbe.login(address, password)) {
            assertEquals(1, mailbox.awaitSubject("INBOX", "Sécurité de votre compte : un mot de passe d'application"
                    + " a été créé (« " + device + " »)", Duration.ofSeconds(60)));
        }
    }

    @Test
    void anAdministratorSearchesTheAuditLogByUserActionAndDate() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String password = "Registre-" + run + "-2026!";
        TestUser.create("it.auditeur", "Armelle", "Auditeur", password, false);
        new KeycloakAdmin().grantRealmRole("it.auditeur", "admin");
        String watched = "it.surveille";
        String watchedPassword = "Cahier-" + run + "-2026!";
        TestUser.create(watched, "Sam", "Surveillé", watchedPassword, false);
        AuditTrail.forget(watched);

        try (Browser browser = new Browser()) {
            browser.signIn(watched, watchedPassword);
        }
        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn("it.auditeur", password);
            d.findElement(By.id("account-link")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-audit"))).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-search:user")));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the audit search");

            d.findElement(By.id("audit-search:user")).sendKeys(watched);
            new Select(d.findElement(By.id("audit-search:action"))).selectByVisibleText("Connexion");
            String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"))
                    .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            d.findElement(By.id("audit-search:from_input")).sendKeys(today);
            d.findElement(By.id("audit-search:search")).click();
            By resultRows = By.cssSelector("[id='audit-search:entries_data'] > tr");
            browser.waitUpTo(30).until(driver -> driver.findElements(resultRows).size() == 1
                    && driver.findElement(By.id("audit-search:entries_data")).getText().contains(watched));
            browser.waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("audit-search:search")));
            browser.screenshot("23-audit-search");
            String rows = d.findElement(By.id("audit-search:entries_data")).getText();
            assertTrue(rows.contains("Connexion") && rows.contains("Réussi"), rows);
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with results");

            new Select(d.findElement(By.id("audit-search:action"))).selectByVisibleText("Déconnexion");
            d.findElement(By.id("audit-search:search")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("audit-search:entries"), "Aucune activité"));
        }
    }
}
