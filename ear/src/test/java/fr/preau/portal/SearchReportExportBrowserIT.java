package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.ZipInputStream;

import fr.preau.testing.Accounts;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.MailboxSeeder;
import fr.preau.testing.TestEnv;
import fr.preau.testing.TestUser;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.SubjectTerm;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Search, reports and export as a teacher does them in a real Chromium: a search typed without accents in the top
 * bar finds an accented message in Archives and opens it there; "Indésirable" and "Hameçonnage" move the message
 * and the security mailbox receives the original intact; the export page of a 1,000-message inbox says how many
 * messages it holds and the mbox and zip downloads hold exactly those, with the progress shown on the page.
 */
class SearchReportExportBrowserIT extends PortalDeployment {
    private static final int SEEDED = 1000;

    @Test
    void aTeacherSearchesReportsSpamAndPhishingAndExportsAFolder() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String domain = TestEnv.domain();
        String username = "it.chercheuse";
        String password = "Cahier-de-texte-" + run + "-9!";
        String address = TestUser.create(username, "Inès", "Chercheuse", password, false);
        String security = "it.securite@" + domain;
        Accounts.ensure("it.securite", security, "Cellule sécurité (test)");
        setReportAddress(security);
        String archived = "Délégués des Étudiants " + run;
        String spam = "Gagnez un voyage " + run;
        String phishing = "Votre compte va être suspendu " + run;
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            imap.empty("INBOX");
            imap.empty("Archives");
            imap.empty("Indésirables");
            imap.empty("Corbeille");
        }
        try (ImapProbe securityBox = ImapProbe.asMaster(security)) {
            securityBox.empty("INBOX");
        }
        MailboxSeeder.importIntoInbox(address, SEEDED, i -> new MailboxSeeder.Generated(
                ZonedDateTime.of(2025, 9, 1, 8, 0, 0, 0, ZoneId.of("Europe/Paris")).plusMinutes(i),
                "From: Vie scolaire <vie.scolaire@" + domain + ">\nTo: " + address + "\nSubject: Absences du jour "
                        + i + "\nMessage-ID: <abs" + i + "." + run + "@" + domain + ">\n\nListe des absences " + i
                        + ".\n"));
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            imap.append("Archives", message("Conseil de vie lycéenne <cvl@" + domain + ">", address, archived,
                    "Les délégués des étudiants se réunissent jeudi."));
            imap.append("INBOX", message("Promo <promo@exemple.com>", address, spam, "Cliquez ici."));
            imap.append("INBOX", message("Support <support@exemple.com>", address, phishing,
                    "Confirmez votre mot de passe sur http://exemple.com/connexion"));
        }

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn(username, password);

            // Search from the top bar, without accents; the result opens in its folder.
            d.findElement(By.id("search-query")).sendKeys("etudiants delegues " + run, Keys.ENTER);
            browser.waitUpTo(60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("search-results"),
                    archived));
            browser.screenshot("search-01-results");
            assertTrue(d.findElement(By.id("search-summary")).getText().contains("1 message"),
                    d.findElement(By.id("search-summary")).getText());
            assertTrue(d.findElement(By.id("search-results")).getText().contains("Archives"));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the search page");
            d.findElement(By.cssSelector("#search-results a")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message-body"),
                    "Les délégués des étudiants se réunissent jeudi."));
            assertEquals("Archives", d.findElement(By.id("folder-title")).getText());
            browser.screenshot("search-02-opened-in-archives");

            // Spam: reported, moved to Indésirables, confirmed on the page.
            d.findElement(By.xpath("//div[@id='folders']//a[.//text()[normalize-space()='Boîte de réception']]"))
                    .click();
            openRow(browser, spam);
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with the report buttons");
            d.findElement(By.id("mail:report-spam")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail:messages"),
                    "signalé comme indésirable à " + security));
            browser.screenshot("report-01-spam");

            // Phishing: reported, put in Corbeille.
            openRow(browser, phishing);
            d.findElement(By.id("mail:report-phishing")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail:messages"),
                    "tentative d'hameçonnage a été signalée"));
            browser.screenshot("report-02-phishing");

            try (ImapProbe imap = ImapProbe.asMaster(address)) {
                assertEquals(0, count(imap.subjects("INBOX"), spam) + count(imap.subjects("INBOX"), phishing));
                assertEquals(1, count(imap.subjects("Indésirables"), spam), "moved exactly once");
                assertEquals(1, count(imap.subjects("Corbeille"), phishing), "moved exactly once");
                assertReportCarriesTheOriginal(imap, security, "Indésirables", spam, "[Indésirable] ");
                assertReportCarriesTheOriginal(imap, security, "Corbeille", phishing, "[Hameçonnage] ");
            }

            // Export of the inbox: the count, then the mbox and the zip hold exactly that many messages.
            d.findElement(By.id("mail:export-link")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("export-count")));
            assertTrue(d.findElement(By.id("export-count")).getText().startsWith(SEEDED + " "),
                    d.findElement(By.id("export-count")).getText());
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the export page");
            ((org.openqa.selenium.JavascriptExecutor) d).executeScript("PF('exportPoll').start();");
            Cookie session = d.manage().getCookieNamed("JSESSIONID");
            assertNotNull(session, "portal session cookie");
            byte[] mbox = download(d.findElement(By.id("export-mbox")).getAttribute("href"), session,
                    "attachment; filename=\"INBOX.mbox\"");
            assertEquals(SEEDED, separators(mbox));
            // French digits are grouped with a (narrow) no-break space: "1 000".
            browser.waitUpTo(30).ignoring(StaleElementReferenceException.class)
                    .until(driver -> driver.findElement(By.id("export-status")).getText()
                    .replaceAll("[\\s\u00a0\u202f]", "").contains("Exportterminé:" + SEEDED + "message(s)."));
            browser.screenshot("export-01-done");
            byte[] zip = download(d.findElement(By.id("export-zip")).getAttribute("href"), session,
                    "attachment; filename=\"INBOX.zip\"");
            int entries = 0;
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
                while (in.getNextEntry() != null) {
                    entries++;
                }
            }
            assertEquals(SEEDED, entries);
        } finally {
            setReportAddress(null);
        }
    }

    private static void openRow(Browser browser, String subject) {
        browser.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//tbody[@id='mail:list_data']/tr[.//text()[contains(., '" + subject + "')]]"))).click();
        browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("reading-title"),
                subject));
    }

    /** The security mailbox got one report whose message/rfc822 part has exactly the original's headers. */
    private static void assertReportCarriesTheOriginal(ImapProbe user, String security, String folder,
            String subject, String prefix) throws Exception {
        List<String> originalHeaders = headers(user, folder, subject);
        try (ImapProbe securityBox = ImapProbe.asMaster(security)) {
            assertEquals(1, securityBox.awaitSubject("INBOX", prefix + subject, Duration.ofSeconds(30)));
            Folder inbox = securityBox.store().getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                Message report = inbox.search(new SubjectTerm(prefix + subject))[0];
                Multipart parts = (Multipart) report.getContent();
                BodyPart attached = null;
                for (int i = 0; i < parts.getCount(); i++) {
                    if (parts.getBodyPart(i).isMimeType("message/rfc822")) {
                        attached = parts.getBodyPart(i);
                    }
                }
                assertNotNull(attached, "a message/rfc822 part");
                MimeMessage original = (MimeMessage) attached.getContent();
                assertEquals(originalHeaders, Collections.list(original.getAllHeaderLines()));
            } finally {
                inbox.close(false);
            }
        }
    }

    private static List<String> headers(ImapProbe imap, String folder, String subject) throws Exception {
        Folder f = imap.store().getFolder(folder);
        f.open(Folder.READ_ONLY);
        try {
            MimeMessage m = (MimeMessage) f.search(new SubjectTerm(subject))[0];
            return Collections.list(m.getAllHeaderLines());
        } finally {
            f.close(false);
        }
    }

    private static byte[] download(String url, Cookie session, String disposition) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", session.getName() + "=" + session.getValue()).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertEquals(disposition, response.headers().firstValue("Content-Disposition").orElse("")
                .replaceAll("; filename\\*=.*", ""));
        try (InputStream in = response.body()) {
            return in.readAllBytes();
        }
    }

    private static int separators(byte[] mbox) {
        int n = 0;
        for (int i = 0; i + 5 <= mbox.length; i++) {
            if ((i == 0 || mbox[i - 1] == '\n') && mbox[i] == 'F' && mbox[i + 1] == 'r' && mbox[i + 2] == 'o'
                    && mbox[i + 3] == 'm' && mbox[i + 4] == ' ') {
                n++;
            }
        }
        return n;
    }

    private static long count(List<String> subjects, String subject) {
        return subjects.stream().filter(subject::equals).count();
    }

    private static MimeMessage message(String from, String to, String subject, String text) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        InternetAddress sender = new InternetAddress(from, true);
        sender.setPersonal(sender.getPersonal(), "UTF-8");
        m.setFrom(sender);
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.setHeader("X-Original-Header", "kept " + subject.hashCode());
        m.saveChanges();
        return m;
    }

    private static void setReportAddress(String address) throws Exception {
        try (Connection c = DriverManager.getConnection(TestEnv.get("PREAU_DB_URL"), TestEnv.get("PREAU_DB_USER"),
                TestEnv.get("PREAU_DB_PASSWORD"))) {
            String sql = address == null ? "delete from academy_setting where name = 'mail.report.address'"
                    : "insert into academy_setting (name, value) values ('mail.report.address', ?)"
                            + " on conflict (name) do update set value = excluded.value";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (address != null) {
                    s.setString(1, address);
                }
                s.executeUpdate();
            }
        }
    }
}
