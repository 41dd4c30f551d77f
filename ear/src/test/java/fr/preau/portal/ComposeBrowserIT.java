package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import fr.preau.testing.ImapProbe;
import fr.preau.testing.TestUser;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Writing mail in a real Chromium against the real stack: signatures and templates set up in "Paramètres de la
 * messagerie", a rich-text message with suggestions, template, attachment (and one over the limit), reply, reply
 * all and forward of a received message, a draft recovered after leaving the page, and the read-receipt question.
 * Every page passes axe-core without critical or serious findings.
 */
class ComposeBrowserIT extends PortalDeployment {
    private static final String EDITOR = "#compose\\:body .ql-editor";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static WebElement editor(WebDriver d) {
        return d.findElement(By.cssSelector(EDITOR));
    }

    private static void openCompose(Browser browser, String query) {
        browser.driver().get(Browser.portal() + "/mail/compose.xhtml" + query);
        browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(EDITOR)));
    }

    private static void openFolder(Browser browser, String label) {
        WebDriver d = browser.driver();
        d.findElement(By.xpath("//div[@id='folders']//a[.//text()[normalize-space()='" + label + "']]")).click();
        browser.waitUpTo(30).until(ExpectedConditions.textToBe(By.id("folder-title"), label));
    }

    private static void openMessage(Browser browser, String subject) {
        WebDriver d = browser.driver();
        browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail:list"), subject));
        d.findElement(By.xpath("//tbody[@id='mail:list_data']/tr[.//text()[contains(., '" + subject + "')]]"))
                .click();
        browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("reading-title"),
                subject));
    }

    private static void assertAccessible(Browser browser, String page) throws Exception {
        assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on " + page);
    }

    private static MimeMessage received(String address, String subject) throws Exception {
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            assertEquals(1, imap.awaitSubject("INBOX", subject, WAIT), subject);
            Folder inbox = imap.store().getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                for (Message m : inbox.getMessages()) {
                    if (subject.equals(m.getSubject())) {
                        return new MimeMessage((MimeMessage) m);
                    }
                }
            } finally {
                inbox.close(false);
            }
        }
        throw new AssertionError(subject);
    }

    /** The raw text of the drafts in Brouillons. */
    private static String draftText(ImapProbe imap) throws Exception {
        Folder drafts = imap.store().getFolder("Brouillons");
        drafts.open(Folder.READ_ONLY);
        try {
            StringBuilder all = new StringBuilder();
            for (Message m : drafts.getMessages()) {
                all.append(text(new MimeMessage((MimeMessage) m)));
            }
            return all.toString();
        } finally {
            drafts.close(false);
        }
    }

    /** The decoded text parts of a message. */
    private static String text(jakarta.mail.Part part) throws Exception {
        if (part.isMimeType("multipart/*")) {
            jakarta.mail.Multipart multi = (jakarta.mail.Multipart) part.getContent();
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multi.getCount(); i++) {
                all.append(text(multi.getBodyPart(i)));
            }
            return all.toString();
        }
        return part.isMimeType("text/*") ? String.valueOf(part.getContent()) : "";
    }

    private static String source(MimeMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTeacherWritesRepliesForwardsRecoversADraftAndAnswersAReadReceipt() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String password = "Cahier-de-textes-" + run + "!";
        String address = TestUser.create("it.plume", "Paule", "Plume", password, false);
        String colleague = TestUser.create("it.voisine", "Valérie", "Voisine", "Voisine-" + run + "-2026!", false);
        String other = TestUser.create("it.tiers", "Thomas", "Tiers", "Tiers-" + run + "-2026!!", false);
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            for (String folder : List.of("INBOX", "Brouillons", "Envoyés")) {
                imap.empty(folder);
            }
        }
        try (ImapProbe imap = ImapProbe.asMaster(colleague)) {
            imap.empty("INBOX");
        }

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn("it.plume", password);

            // Paramètres de la messagerie: a default signature and a reply template.
            d.get(Browser.portal() + "/mail/settings.xhtml");
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("signature-form:name")));
            d.findElement(By.id("signature-form:name")).sendKeys("Interne " + run);
            d.findElement(By.cssSelector("#signature-form\\:body .ql-editor")).sendKeys("Paule Plume, CPE " + run);
            d.findElement(By.cssSelector("#signature-form\\:default .ui-chkbox-box")).click();
            d.findElement(By.id("signature-form:save")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("signature-form:signature-list"), "par défaut"));
            d.findElement(By.id("template-form:name")).sendKeys("Absence " + run);
            d.findElement(By.cssSelector("#template-form\\:body .ql-editor"))
                    .sendKeys("Je suis absente jusqu'à lundi " + run + ".");
            d.findElement(By.id("template-form:save")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("template-form:template-list"), "Absence " + run));
            browser.screenshot("compose-01-settings");
            assertAccessible(browser, "mail settings");

            // A new message: the default signature is already there; suggestions from the academy's accounts.
            openCompose(browser, "");
            assertTrue(editor(d).getText().contains("Paule Plume, CPE " + run), editor(d).getText());
            // A suggestion chosen after an address already typed keeps that address (issue 12, item 6).
            d.findElement(By.id("compose:cc_input")).sendKeys(address + ", it.voisine@");
            browser.choose("compose:cc_input", colleague, colleague);
            assertTrue(d.findElement(By.id("compose:cc_input")).getAttribute("value").startsWith(address + ", "),
                    d.findElement(By.id("compose:cc_input")).getAttribute("value"));
            d.findElement(By.id("compose:cc_input")).clear();
            d.findElement(By.id("compose:to_input")).sendKeys("it.voisine@");
            browser.choose("compose:to_input", colleague, colleague);
            String subject = "Projet de classe " + run;
            d.findElement(By.id("compose:subject")).sendKeys(subject);
            WebElement body = editor(d);
            body.click();
            body.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL,
                    org.openqa.selenium.Keys.HOME));
            body.sendKeys("Bonjour Valérie, ");
            d.findElement(By.cssSelector("#compose\\:body .ql-bold")).click();
            body.sendKeys("important");
            d.findElement(By.cssSelector("#compose\\:body .ql-bold")).click();
            body.sendKeys(" : ");
            new Select(d.findElement(By.id("template-choice"))).selectByVisibleText("Absence " + run);
            d.findElement(By.id("insert-template")).click();
            browser.waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(EDITOR),
                    "Je suis absente jusqu'à lundi " + run));

            // An attachment with its progress bar, then one over the limit: named, not attached.
            Path small = Files.createTempFile("compte-rendu-", ".txt");
            Files.writeString(small, "Compte rendu " + run);
            d.findElement(By.id("compose:attachments_input")).sendKeys(small.toString());
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("compose:attachment-list"), small.getFileName().toString()));
            Path big = Files.createTempFile("video-", ".bin");
            Files.write(big, new byte[11 * 1024 * 1024]);
            d.findElement(By.id("compose:attachments_input")).sendKeys(big.toString());
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("compose"),
                    "Envoyer un lien de téléchargement"));
            browser.waitUpTo(10).until(d2 -> !d2.findElement(By.id("compose:attachment-list")).getText()
                    .contains(big.getFileName().toString()));
            browser.screenshot("compose-02-new-message");
            assertAccessible(browser, "compose");
            d.findElement(By.id("compose:send")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail:messages"),
                    "Votre message a été envoyé"));
            Files.deleteIfExists(big);
            Files.deleteIfExists(small);

            MimeMessage sent = received(colleague, subject);
            String raw = source(sent);
            assertTrue(raw.contains("<strong>important</strong>"), raw);
            assertTrue(raw.contains("Content-Type: text/plain"), raw);
            assertTrue(raw.contains("Compte rendu " + run) || raw.contains("filename=\"compte-rendu-"), raw);
            assertTrue(sent.getContentType().startsWith("multipart/mixed"), sent.getContentType());

            // Reply, reply all and forward of a received message.
            String question = "Question sur la sortie " + run;
            MimeMessage incoming = new MimeMessage(Session.getInstance(new Properties()));
            incoming.setFrom(new InternetAddress(colleague, "Valérie Voisine", "UTF-8"));
            incoming.setRecipients(Message.RecipientType.TO, new InternetAddress[] {new InternetAddress(address),
                new InternetAddress(other)});
            incoming.setSubject(question, "UTF-8");
            incoming.setText("Le car part à 8 h ?\nValérie", "UTF-8");
            incoming.setHeader("Disposition-Notification-To", colleague);
            try (ImapProbe imap = ImapProbe.asMaster(address)) {
                imap.append("INBOX", incoming);
            }
            String questionId = received(address, question).getMessageID();
            d.get(Browser.portal() + "/mail/inbox.xhtml");
            openMessage(browser, question);

            // The read-receipt question, answered once.
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("receipt-text"),
                    "demande un accusé de lecture"));
            browser.screenshot("compose-03-receipt-question");
            assertAccessible(browser, "the read-receipt question");
            d.findElement(By.id("mail:receipt-send")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail:messages"),
                    "L'accusé de lecture a été envoyé"));
            MimeMessage mdn = received(colleague, "Accusé de lecture : " + question);
            assertTrue(mdn.isMimeType("multipart/report"));
            assertTrue(source(mdn).contains("Original-Message-ID: " + questionId), source(mdn));
            assertTrue(d.findElements(By.id("receipt-text")).isEmpty());

            d.findElement(By.id("mail:reply-all")).click();
            browser.waitUpTo(30).until(ExpectedConditions.attributeToBe(By.id("compose:subject"), "value",
                    "Re: " + question));
            assertTrue(d.findElement(By.id("compose:to_input")).getAttribute("value").contains(colleague));
            assertTrue(d.findElement(By.id("compose:cc_input")).getAttribute("value").contains(other));
            assertFalse(d.findElement(By.id("compose:cc_input")).getAttribute("value").contains(address));
            d.navigate().back();

            openMessage(browser, question);
            d.findElement(By.id("mail:reply")).click();
            browser.waitUpTo(30).until(ExpectedConditions.attributeToBe(By.id("compose:subject"), "value",
                    "Re: " + question));
            assertEquals("", d.findElement(By.id("compose:cc_input")).getAttribute("value"));
            assertTrue(editor(d).getText().contains("Valérie Voisine <" + colleague + "> a écrit :"),
                    editor(d).getText());
            assertTrue(editor(d).getText().contains("Le car part à 8 h ?"));
            assertAccessible(browser, "reply");
            editor(d).sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL,
                    org.openqa.selenium.Keys.HOME));
            editor(d).sendKeys("Oui, à 8 h devant le collège.");
            d.findElement(By.id("compose:send")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail:messages"),
                    "Votre message a été envoyé"));
            MimeMessage reply = received(colleague, "Re: " + question);
            assertEquals(questionId, reply.getHeader("In-Reply-To", " "));
            String replySource = source(reply);
            assertTrue(replySource.contains("> Le car part =C3=A0 8 h ?")
                    || replySource.contains("> Le car part à 8 h ?"), replySource);

            openMessage(browser, question);
            d.findElement(By.id("mail:forward")).click();
            browser.waitUpTo(30).until(ExpectedConditions.attributeToBe(By.id("compose:subject"), "value",
                    "Fwd: " + question));
            assertTrue(editor(d).getText().contains("Message transféré"));
            d.navigate().back();
            openMessage(browser, question);
            d.findElement(By.id("mail:forward-attachment")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("compose:attachment-list"), question + ".eml"));
            d.findElement(By.id("compose:to_input")).sendKeys(other);
            d.findElement(By.id("compose:send")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail:messages"),
                    "Votre message a été envoyé"));
            MimeMessage forwarded = received(other, "Fwd: " + question);
            assertTrue(source(forwarded).contains("Content-Type: message/rfc822"), source(forwarded));

            // Draft recovery: leave the page while writing, come back through Brouillons, continue, send.
            openCompose(browser, "");
            String draftSubject = "Brouillon du conseil " + run;
            d.findElement(By.id("compose:to_input")).sendKeys(colleague);
            d.findElement(By.id("compose:subject")).sendKeys(draftSubject);
            editor(d).sendKeys("Premier point : les absences.");
            browser.waitUpTo(45).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("compose:draft-status"), "Brouillon enregistré à"));
            try (ImapProbe imap = ImapProbe.asMaster(address)) {
                assertEquals(List.of(draftSubject), imap.subjects("Brouillons"), "saved within 30 s");
            }
            editor(d).sendKeys(" Deuxième point : les sorties.");
            d.get(Browser.portal() + "/mail/inbox.xhtml");
            try (ImapProbe imap = ImapProbe.asMaster(address)) {
                long deadline = System.nanoTime() + WAIT.toNanos();
                while (System.nanoTime() < deadline && !draftText(imap).contains("les sorties")) {
                    Thread.sleep(200);
                }
                assertTrue(draftText(imap).contains("les sorties"), "saved again when leaving the page");
                assertEquals(List.of(draftSubject), imap.subjects("Brouillons"), "exactly one copy of the draft");
            }
            openFolder(browser, "Brouillons");
            openMessage(browser, draftSubject);
            d.findElement(By.id("mail:continue-draft")).click();
            browser.waitUpTo(30).until(ExpectedConditions.attributeToBe(By.id("compose:subject"), "value",
                    draftSubject));
            assertTrue(editor(d).getText().contains("Premier point : les absences. Deuxième point : les sorties."),
                    editor(d).getText());
            assertAccessible(browser, "a draft continued");
            editor(d).sendKeys(" Second point : la cantine.");
            d.findElement(By.id("compose:send")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail:messages"),
                    "Votre message a été envoyé"));
            String finalText = String.valueOf(((jakarta.mail.Multipart) received(colleague, draftSubject)
                    .getContent()).getBodyPart(0).getContent());
            assertTrue(finalText.contains("Second point : la cantine."), finalText);
            try (ImapProbe imap = ImapProbe.asMaster(address)) {
                List<String> drafts = new ArrayList<>(imap.subjects("Brouillons"));
                assertEquals(List.of(), drafts, "sending removed the draft");
            }
        }
    }
}
