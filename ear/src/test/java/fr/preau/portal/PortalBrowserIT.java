package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import fr.preau.testing.ImapProbe;
import fr.preau.testing.TestEnv;
import fr.preau.testing.TestUser;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A teacher's first morning, in a real Chromium against the real stack: sign in through Keycloak's login page with
 * the provisional password, choose the definitive one, see the inbox, read a message, get a clear message for a bad
 * address, send to a colleague (who receives it, checked with a plain IMAP client), sign out everywhere.
 */
class PortalBrowserIT extends PortalDeployment {
    @Test
    void aNewTeacherSignsInChoosesAPasswordReadsAndSendsMailThenSignsOut() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String domain = TestEnv.domain();
        String username = "it.enseignante";
        String provisional = "Provisoire-" + run + "-2026!";
        String definitive = "Tableau-noir-" + run + "-42?";
        String colleaguePassword = "Salle-des-profs-" + run + "!";
        String address = TestUser.create(username, "Élise", "Enseignante", provisional, true);
        String colleagueAddress = TestUser.create("it.collegue", "Paul", "Collègue", colleaguePassword, false);
        String welcome = "Bienvenue au collège " + run;
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            imap.empty("INBOX");
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            m.setFrom(new InternetAddress("luc.moreau@" + domain, "Luc Moreau", "UTF-8"));
            m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address));
            m.setSubject(welcome, "UTF-8");
            m.setText("Bonjour Élise,\nVotre emploi du temps est dans Pronote.\nLuc", "UTF-8");
            imap.append("INBOX", m);
        }

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            String portal = Browser.portal();

            // Keycloak's login page, then the forced choice of a definitive password.
            browser.submitLogin("/", username, provisional);
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("password-new")));
            browser.screenshot("02-update-password");
            d.findElement(By.id("password-new")).sendKeys(definitive);
            WebElement confirm = d.findElement(By.id("password-confirm"));
            confirm.sendKeys(definitive);
            confirm.submit();

            // The inbox, with the welcome message, in French.
            browser.waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("folder-title")));
            browser.screenshot("03-inbox");
            assertEquals("Boîte de réception", d.findElement(By.id("folder-title")).getText());
            assertEquals("Élise Enseignante", d.findElement(By.id("user-name")).getText());
            assertTrue(d.findElement(By.id("folders")).getText().contains("Envoyés"));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the inbox");

            WebElement row = d.findElement(By.xpath("//tbody[@id='mail:list_data']/tr[.//text()[contains(., '"
                    + welcome + "')]]"));
            row.click();
            browser.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message-body"),
                    "Votre emploi du temps est dans Pronote."));
            browser.screenshot("04-reading");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with a message open");

            // Compose: a bad address is named next to the field and nothing is sent.
            d.findElement(By.id("compose-link")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("compose:to_input")));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on compose");
            String subject = "Réunion de l'équipe pédagogique " + run;
            d.findElement(By.id("compose:send")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("compose:to-message"), "Indiquez au moins un destinataire"));
            d.findElement(By.id("compose:to_input")).sendKeys("paul.collegue");
            d.findElement(By.id("compose:subject")).sendKeys(subject);
            d.findElement(By.cssSelector("#compose\\:body .ql-editor"))
                    .sendKeys("Bonjour Paul,\nRéunion jeudi à 17 h en salle B12.\nÉlise");
            d.findElement(By.id("compose:send")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("compose:to-message")));
            browser.screenshot("05-bad-address");
            assertTrue(d.findElement(By.id("compose:to-message")).getText().contains("n'est pas une adresse"),
                    d.findElement(By.id("compose:to-message")).getText());
            assertEquals(subject, d.findElement(By.id("compose:subject")).getAttribute("value"));

            WebElement to = d.findElement(By.id("compose:to_input"));
            to.clear();
            to.sendKeys(colleagueAddress);
            d.findElement(By.id("compose:send")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail:messages"),
                    "Votre message a été envoyé"));
            browser.screenshot("06-sent");

            // The copy is in Envoyés, one click away in the folder list.
            d.findElement(By.xpath("//div[@id='folders']//a[.//text()[normalize-space()='Envoyés']]")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBe(By.id("folder-title"), "Envoyés"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail:list"),
                    subject));

            // The colleague's own IMAP client sees it, once.
            try (ImapProbe colleagueClient = ImapProbe.login(colleagueAddress, colleaguePassword)) {
                assertEquals(1, colleagueClient.awaitSubject("INBOX", subject, Duration.ofSeconds(30)));
            }
            try (ImapProbe sent = ImapProbe.asMaster(address)) {
                assertEquals(1, sent.subjects("Envoyés").stream().filter(subject::equals).count());
            }

            // Sign out ends the portal session and the Keycloak session: the portal asks for a login again.
            d.findElement(By.id("logout")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
            browser.screenshot("07-signed-out");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the signed-out page");
            d.get(portal + "/mail/inbox.xhtml");
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            assertTrue(d.getCurrentUrl().contains("/realms/preau/"), d.getCurrentUrl());
        }
    }
}
