package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.preau.testing.ImapProbe;
import fr.preau.testing.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Scheduled send, the right to disconnect and large-file links in a real Chromium against the real stack. The
 * academy's quiet hours are set to the whole day (start = end), so the proposal shows whatever the real clock says.
 */
class ScheduleAndLargeFileBrowserIT extends PortalDeployment {
    private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final Pattern LINK = Pattern.compile("https?://\\S+/public/telechargement\\.xhtml\\?jeton=[\\w-]+");

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String password = "Cahier-de-textes-" + run + "!";
    private String planner;
    private String colleague;

    @BeforeEach
    void usersAndQuietHours() throws Exception {
        planner = TestUser.create("it.planif", "Agnès", "Planif", password, false);
        colleague = TestUser.create("it.collegue2", "Bruno", "Collègue", password, false);
        try (ImapProbe imap = ImapProbe.asMaster(colleague)) {
            imap.empty("INBOX");
        }
        setting(DISCONNECT_ENABLED, "true");
        setting("mail.disconnect.start", "00:00");
        setting("mail.disconnect.end", "00:00");
    }

    @AfterEach
    void usualQuietHours() throws Exception {
        setting("mail.disconnect.start", null);
        setting("mail.disconnect.end", null);
    }

    @Test
    void scheduleProposeTheMorningEditSendNowAndCancel() throws Exception {
        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn("it.planif", password);

            // Sending in quiet hours: the portal proposes the next working morning; accepting schedules it.
            String morning = "Réunion de rentrée " + run;
            compose(browser, colleague, morning, "Bonjour Bruno,\nà demain.\nAgnès");
            d.findElement(By.id("compose:send")).click();
            browser.waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("compose:sendTomorrow")));
            String proposal = d.findElement(By.id("compose:sendTomorrow")).getText();
            // "aujourd'hui" from midnight to 7:30, "demain" in the evening, a date when a weekend comes first.
            assertTrue(proposal.matches("Envoyer (aujourd'hui|demain|\\p{L}+ \\d{1,2} \\p{L}+) à 7 h 30"), proposal);
            browser.screenshot("schedule-01-disconnect");
            assertEquals(List.of(), ours(browser.accessibilityProblems()), "axe-core with the disconnect dialog");
            d.findElement(By.id("compose:sendTomorrow")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("scheduled:messages"),
                    "Votre message partira"));
            assertTrue(d.findElement(By.id("scheduled:list")).getText().contains(morning));
            assertEquals("PLANNED", column(morning, "state"));
            assertEquals("07:30", column(morning, "to_char(due_at at time zone 'Europe/Paris', 'HH24:MI')"));
            browser.screenshot("schedule-02-planned");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on Planifiés");

            // Edit it: a new subject and a date chosen in the picker; still one row, at the new time.
            String edited = "Réunion de rentrée (salle B12) " + run;
            LocalDateTime later = LocalDateTime.now(ZoneId.of("Europe/Paris")).plusDays(3).withHour(10).withMinute(15);
            edit(browser, morning);
            WebElement subject = d.findElement(By.id("compose:subject"));
            subject.clear();
            subject.sendKeys(edited);
            pick(browser, later);
            d.findElement(By.id("compose:scheduleSend")).click();
            awaitListed(browser, edited);
            assertEquals(later.format(PICKER), column(edited,
                    "to_char(due_at at time zone 'Europe/Paris', 'DD/MM/YYYY HH24:MI')"));
            assertEquals("0", column(morning, "count(*)"));

            // Reopened, it can leave now: once, through the scheduled sender.
            edit(browser, edited);
            d.findElement(By.id("compose:sendEditedNow")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("scheduled:messages"),
                    "part maintenant"));
            try (ImapProbe inbox = ImapProbe.asMaster(colleague)) {
                assertEquals(1, inbox.awaitSubject("INBOX", edited, Duration.ofSeconds(60)));
            }
            browser.waitUpTo(60).until(d2 -> {
                d2.navigate().refresh();
                return d2.findElement(By.id("scheduled:list")).getText().contains("Envoyé");
            });

            // Another one for the next morning, cancelled from Planifiés after a confirmation: never sent.
            String cancelled = "Sortie au musée " + run;
            compose(browser, colleague, cancelled, "Annulée.");
            d.findElement(By.id("compose:send")).click();
            browser.waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("compose:sendTomorrow")));
            d.findElement(By.id("compose:sendTomorrow")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("scheduled:messages"),
                    "Votre message partira"));
            awaitListed(browser, cancelled);
            d.findElement(By.xpath("//li[contains(@class,'scheduled-item')][.//text()[contains(., '" + cancelled
                    + "')]]//button[contains(@id,'cancel')]")).click();
            browser.waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("scheduled:confirm-yes")));
            d.findElement(By.id("scheduled:confirm-yes")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("scheduled:messages"),
                    "L'envoi a été annulé"));
            assertTrue(!d.findElement(By.id("scheduled:list")).getText().contains(cancelled), "cancelled: gone");
            assertEquals("CANCELLED", column(cancelled, "state"));

            // "Envoyer maintenant" in the dialog sends at once, as before.
            String now = "Urgent : alarme incendie " + run;
            compose(browser, colleague, now, "Exercice demain 9 h.");
            sendNowDespiteQuietHours(browser);
            try (ImapProbe inbox = ImapProbe.asMaster(colleague)) {
                assertEquals(1, inbox.awaitSubject("INBOX", now, Duration.ofSeconds(30)));
                assertEquals(0, inbox.subjects("INBOX").stream().filter(cancelled::equals).count());
            }
        }
    }

    @Test
    void aLargeFileTravelsAsALinkThatCountsAndExpires() throws Exception {
        Path file = Files.createTempFile("bulletins-" + run, ".zip");
        byte[] content = new byte[12 * 1024 * 1024 + 123];
        new Random(42).nextBytes(content);
        Files.write(file, content);
        String subject = "Bulletins du trimestre " + run;
        String link;
        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn("it.planif", password);
            compose(browser, colleague, subject, "Bonjour Bruno,\nvoici les bulletins.");
            d.findElement(By.id("largeFile")).sendKeys(file.toString());
            d.findElement(By.id("largeFileSend")).click();
            browser.waitUpTo(120).until(ExpectedConditions.textToBePresentInElementLocated(By.id("largeFile-status"),
                    "est déposé"));
            String body = d.findElement(By.id("compose:body_input")).getAttribute("value");
            Matcher m = LINK.matcher(body);
            assertTrue(m.find(), body + " / " + d.findElement(By.id("largeFile-status")).getText());
            link = m.group();
            browser.screenshot("largefile-01-uploaded");
            assertEquals(List.of(), ours(browser.accessibilityProblems()), "axe-core on compose with a link");
            sendNowDespiteQuietHours(browser);
        }
        try (ImapProbe inbox = ImapProbe.asMaster(colleague)) {
            assertEquals(1, inbox.awaitSubject("INBOX", subject, Duration.ofSeconds(30)));
        }

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn("it.collegue2", password);
            d.get(link);
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("file-name")));
            assertEquals(file.getFileName().toString(), d.findElement(By.id("file-name")).getText());
            assertEquals("12,0 Mo", d.findElement(By.id("file-size")).getText());
            assertTrue(d.findElement(By.id("file-sender")).getText().contains("Agnès Planif"));
            assertEquals("0", d.findElement(By.id("file-downloads")).getText());
            browser.screenshot("largefile-02-download-page");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the download page");

            String fileUrl = d.findElement(By.id("download")).getAttribute("href");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<Path> download = http.send(HttpRequest.newBuilder(URI.create(fileUrl)).build(),
                    HttpResponse.BodyHandlers.ofFile(Files.createTempFile("download-" + run, ".bin")));
            assertEquals(200, download.statusCode());
            assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
            assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertArrayEquals(sha256(content), sha256(Files.readAllBytes(download.body())));
            d.navigate().refresh();
            browser.waitUpTo(30).until(ExpectedConditions.textToBe(By.id("file-downloads"), "1"));

            // Expired: a clear French page, and the file is refused.
            expire(file.getFileName().toString());
            d.navigate().refresh();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("link-expired")));
            assertTrue(d.findElement(By.id("link-expired")).getText().contains("a expiré"));
            browser.screenshot("largefile-03-expired");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the expired link page");
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(fileUrl)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(410, refused.statusCode());
            assertTrue(refused.body().contains("id=\"link-expired\""), "the expired page, not the file");
            d.get(link.substring(0, link.indexOf("jeton=") + 6) + "x".repeat(43));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("link-unknown")));
        }
    }

    private static void compose(Browser browser, String to, String subject, String body) {
        WebDriver d = browser.driver();
        d.get(Browser.portal() + "/mail/compose.xhtml");
        browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("compose:to_input")));
        WebElement recipients = d.findElement(By.id("compose:to_input"));
        recipients.sendKeys(to);
        recipients.sendKeys(Keys.ESCAPE);
        d.findElement(By.id("compose:subject")).sendKeys(subject);
        d.findElement(By.cssSelector("[id='compose:body'] .ql-editor")).sendKeys(body);
    }

    /**
     * The findings on this feature's controls of the compose page (the dialog, the date picker, the large-file
     * control); the rest of the compose page is checked by the compose browser tests.
     */
    private static List<String> ours(List<String> problems) {
        return problems.stream().filter(p -> p.matches(".*(disconnect|sendTomorrow|sendAnyway|scheduleAt|scheduleSend"
                + "|sendEditedNow|backToScheduled|largeFile|large-file).*")).toList();
    }

    /** Waits until Planifiés lists this subject (reloading it, as a user would). */
    private static void awaitListed(Browser browser, String subject) {
        browser.waitUpTo(30).until(d -> {
            if (d.findElement(By.id("scheduled:list")).getText().contains(subject)) {
                return true;
            }
            d.get(Browser.portal() + "/mail/scheduled.xhtml");
            return false;
        });
    }

    /** Envoyer, then "Envoyer maintenant" in the right-to-disconnect dialog: sent at once. */
    private static void sendNowDespiteQuietHours(Browser browser) {
        WebDriver d = browser.driver();
        d.findElement(By.id("compose:send")).click();
        browser.waitUpTo(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("compose:sendAnyway")));
        d.findElement(By.id("compose:sendAnyway")).click();
        browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail:messages"),
                "Votre message a été envoyé"));
    }

    private static void edit(Browser browser, String subject) {
        WebDriver d = browser.driver();
        d.get(Browser.portal() + "/mail/scheduled.xhtml");
        browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("scheduled:list")));
        d.findElement(By.xpath("//li[contains(@class,'scheduled-item')][.//text()[contains(., '" + subject
                + "')]]//a[contains(@id,'edit')]")).click();
        browser.waitUpTo(30).until(ExpectedConditions.attributeToBe(By.id("compose:subject"), "value", subject));
    }

    /** Types the date and time in the picker's field, as a keyboard user would, then closes its calendar. */
    private static void pick(Browser browser, LocalDateTime at) {
        WebElement input = browser.driver().findElement(By.id("compose:scheduleAt_input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(at.format(PICKER));
        input.sendKeys(Keys.TAB);
        browser.waitUpTo(30).until(ExpectedConditions.attributeToBe(By.id("compose:scheduleAt_input"), "value",
                at.format(PICKER)));
    }

    private static void setting(String name, String value) throws SQLException {
        PortalDatabase.academySetting(name, value);
    }

    private static String column(String subject, String expression) throws SQLException {
        try (Connection c = PortalDatabase.open(); PreparedStatement s = c.prepareStatement("select " + expression
                + " from scheduled_message where subject = ?")) {
            s.setString(1, subject);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private static void expire(String fileName) throws SQLException {
        try (Connection c = PortalDatabase.open(); PreparedStatement s = c.prepareStatement(
                "update large_file set expires_at = now() - interval '1 minute' where file_name = ?")) {
            s.setString(1, fileName);
            assertEquals(1, s.executeUpdate());
        }
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }
}
