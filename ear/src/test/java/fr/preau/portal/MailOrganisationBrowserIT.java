package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import fr.preau.testing.ImapProbe;
import fr.preau.testing.TestEnv;
import fr.preau.testing.TestUser;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Organising mail in a real Chromium against the real stack, each result checked with a plain IMAP client (what
 * Thunderbird sees): folders created, renamed, moved, coloured and deleted; sorting; multi-select with read, flag and
 * label; drag and drop and "Déplacer vers…"; delete, archive by year, "Vider la corbeille"; the quota banner; the
 * keyboard shortcuts and their help. axe-core finds nothing critical or serious on the way.
 */
class MailOrganisationBrowserIT extends PortalDeployment {
    private static final String LIST = "mail:list_data";

    @Test
    void aTeacherSortsSelectsLabelsMovesDeletesAndArchivesAndManagesFolders() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String password = "Classeur-" + run + "-2026!";
        String address = TestUser.create("it.organise", "Odile", "Organise", password, false);
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            cleanUp(imap);
            imap.append("INBOX", mail(address, "Alpha conseil", 2025, 1), mail(address, "Bravo sortie", 2024, 2),
                    mail(address, "Charlie réunion", 2025, 3), mail(address, "Delta bulletin", 2025, 4),
                    mail(address, "Écho cantine", 2025, 5));
        }
        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn("it.organise", password);
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the list with its toolbar");

            // Sort by subject, then the other way.
            new Select(d.findElement(By.id("mail:sort"))).selectByValue("SUBJECT");
            browser.waitUpTo(30).until(d2 -> subjects(d2).equals(List.of("Écho cantine", "Delta bulletin",
                    "Charlie réunion", "Bravo sortie", "Alpha conseil")));
            browser.click(By.id("mail:sort-direction"));
            browser.waitUpTo(30).until(d2 -> subjects(d2).equals(List.of("Alpha conseil", "Bravo sortie",
                    "Charlie réunion", "Delta bulletin", "Écho cantine")));
            browser.screenshot("list-01-sorted");

            // Folders: create, rename, create another, move the first into it, colour it.
            createFolder(browser, "Projets");
            d.findElement(By.id("mail:folder-rename-open")).click();
            WebElement name = browser.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("mail:rename-name")));
            name.clear();
            name.sendKeys("Projets 2026");
            d.findElement(By.id("mail:folder-rename-ok")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBe(By.id("folder-title"), "Projets 2026"));
            createFolder(browser, "Classeurs");
            openFolder(browser, "Projets 2026");
            d.findElement(By.id("mail:folder-move-open")).click();
            browser.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("mail:move-parent")));
            new Select(d.findElement(By.id("mail:move-parent"))).selectByValue("Classeurs");
            d.findElement(By.id("mail:folder-move-ok")).click();
            browser.waitUpTo(30).until(ExpectedConditions.urlContains("Classeurs"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBe(By.id("folder-title"), "Projets 2026"));
            d.findElement(By.id("mail:folder-colour-open")).click();
            browser.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("mail:folder-colour")));
            d.findElement(By.xpath("//table[@id='mail:colour-choice']//label[normalize-space()='Bleu']")).click();
            d.findElement(By.id("mail:folder-colour-ok")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail:messages"),
                    "couleur du dossier est enregistrée"));
            assertTrue(d.findElement(By.xpath("//li[@data-folder='Classeurs/Projets 2026']//span[contains(@class,"
                    + "'pi-folder')]")).getAttribute("style").contains("color"));
            try (ImapProbe imap = ImapProbe.asMaster(address)) {
                assertTrue(imap.store().getFolder("Classeurs/Projets 2026").exists());
                assertFalse(imap.store().getFolder("Projets").exists());
            }

            // Multi-select (checkboxes), read, flag, label.
            openFolder(browser, "Boîte de réception");
            check(d, "Alpha conseil");
            check(d, "Bravo sortie");
            d.findElement(By.id("mail:mark-read")).click();
            waitMessage(browser, "2 message(s) marqué(s) comme lu(s)");
            check(d, "Alpha conseil");
            check(d, "Bravo sortie");
            d.findElement(By.id("mail:mark-flagged")).click();
            waitMessage(browser, "2 message(s) suivi(s)");
            check(d, "Alpha conseil");
            d.findElement(By.id("mail:label-selection")).click();
            browser.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("mail:label-choice")));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with the label dialog open");
            new Select(d.findElement(By.id("mail:label-choice"))).selectByValue("pedagogie");
            d.findElement(By.id("mail:label-apply")).click();
            waitMessage(browser, "Étiquette ajoutée à 1 message(s)");
            assertTrue(row(d, "Alpha conseil").getText().contains("Pédagogie"), row(d, "Alpha conseil").getText());
            try (ImapProbe imap = ImapProbe.asMaster(address)) {
                Flags alpha = flags(imap, "INBOX", "Alpha conseil");
                assertTrue(alpha.contains(Flags.Flag.SEEN) && alpha.contains(Flags.Flag.FLAGGED), alpha.toString());
                assertTrue(Arrays.asList(alpha.getUserFlags()).contains("pedagogie"));
                assertTrue(flags(imap, "INBOX", "Bravo sortie").contains(Flags.Flag.FLAGGED));
            }

            // Shift-click selects a range (the list in its default order, newest received first: Écho, Delta,
            // Charlie, Bravo, Alpha); "non lu" applies to all three.
            row(d, "Alpha conseil").findElement(By.cssSelector(".col-message")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("reading-title"),
                    "Alpha conseil"));
            new Actions(d).keyDown(Keys.SHIFT).click(row(d, "Charlie réunion").findElement(
                    By.cssSelector(".col-message"))).keyUp(Keys.SHIFT).perform();
            browser.waitUpTo(20).until(d2 -> d2.findElements(By.cssSelector("tbody[id='" + LIST
                    + "'] > tr.ui-state-highlight")).size() == 3);
            d.findElement(By.id("mail:mark-unread")).click();
            waitMessage(browser, "3 message(s) marqué(s) comme non lu(s)");

            // Drag and drop onto a folder, and the keyboard alternative "Déplacer vers…".
            dragToFolder(d, "Charlie réunion", "Classeurs");
            waitMessage(browser, "1 message(s) déplacé(s)");
            check(d, "Delta bulletin");
            d.findElement(By.id("mail:move-selection")).click();
            browser.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("mail:move-target")));
            new Select(d.findElement(By.id("mail:move-target"))).selectByValue("Classeurs/Projets 2026");
            d.findElement(By.id("mail:move-ok")).click();
            waitMessage(browser, "1 message(s) déplacé(s)");

            // Delete (to the Corbeille) and archive (to Archives/<year>).
            check(d, "Écho cantine");
            d.findElement(By.id("mail:delete-selection")).click();
            waitMessage(browser, "placé(s) dans la Corbeille");
            check(d, "Bravo sortie");
            d.findElement(By.id("mail:archive-selection")).click();
            waitMessage(browser, "archivé(s)");
            browser.screenshot("list-02-after-actions");
            try (ImapProbe imap = ImapProbe.asMaster(address)) {
                assertEquals(List.of("Alpha conseil"), imap.subjects("INBOX"));
                assertEquals(List.of("Charlie réunion"), imap.subjects("Classeurs"));
                assertEquals(List.of("Delta bulletin"), imap.subjects("Classeurs/Projets 2026"));
                assertEquals(List.of("Écho cantine"), imap.subjects("Corbeille"));
                assertEquals(List.of("Bravo sortie"), imap.subjects("Archives/2024"));
            }

            // Vider la corbeille, after confirming.
            openFolder(browser, "Corbeille");
            d.findElement(By.id("mail:trash-empty-open")).click();
            browser.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("mail:trash-empty-ok")));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with the confirmation open");
            d.findElement(By.id("mail:trash-empty-ok")).click();
            waitMessage(browser, "La corbeille a été vidée (1 message(s)");

            // Deleting a folder that holds mail asks first, then puts the mail in the Corbeille.
            openFolder(browser, "Classeurs");
            d.findElement(By.id("mail:folder-delete-open")).click();
            browser.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("folder-delete-text"), "2 message(s)"));
            d.findElement(By.id("mail:folder-delete-ok")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBe(By.id("folder-title"), "Boîte de réception"));
            waitMessage(browser, "2 message(s) placé(s) dans la Corbeille");
            try (ImapProbe imap = ImapProbe.asMaster(address)) {
                assertFalse(imap.store().getFolder("Classeurs").exists());
                List<String> trash = imap.subjects("Corbeille");
                assertEquals(2, trash.size(), trash.toString());
                assertTrue(trash.containsAll(List.of("Charlie réunion", "Delta bulletin")), trash.toString());
            }

            // Conversation view: a message and its reply on one row; the choice is remembered.
            try (ImapProbe imap = ImapProbe.asMaster(address)) {
                MimeMessage question = mail(address, "Sortie au musée", 2025, 10);
                question.setHeader("Message-ID", "<musee-" + run + "@ac-preau.fr>");
                MimeMessage answer = mail(address, "Re: Sortie au musée", 2025, 11);
                answer.setHeader("In-Reply-To", "<musee-" + run + "@ac-preau.fr>");
                answer.setHeader("References", "<musee-" + run + "@ac-preau.fr>");
                imap.append("INBOX", question, answer);
            }
            d.navigate().refresh();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail:list"),
                    "Re: Sortie au musée"));
            d.findElement(By.id("mail:conversations")).click();
            browser.waitUpTo(30).until(ExpectedConditions.attributeToBe(By.id("mail:conversations"), "aria-pressed",
                    "true"));
            browser.waitUpTo(30).until(d2 -> d2.findElements(By.cssSelector("tbody[id='" + LIST + "'] > tr"))
                    .size() == 2);
            assertTrue(row(d, "Re: Sortie au musée").getText().contains("2"), row(d, "Re: Sortie au musée").getText());
            d.navigate().refresh();
            browser.waitUpTo(30).until(ExpectedConditions.attributeToBe(By.id("mail:conversations"), "aria-pressed",
                    "true"));
            browser.screenshot("list-05-conversations");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the conversation view");
            d.findElement(By.id("mail:conversations")).click();
            browser.waitUpTo(30).until(ExpectedConditions.attributeToBe(By.id("mail:conversations"), "aria-pressed",
                    "false"));
        }
    }

    @Test
    void theQuotaBannerWarnsAndTheKeyboardShortcutsWork() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String password = "Clavier-" + run + "-2026!";
        String address = TestUser.create("it.clavier", "Karim", "Clavier", password, false);
        quotaClass("it.clavier", 1);
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            cleanUp(imap);
            MimeMessage big = mail(address, "Gros fichier", 2025, 1);
            big.setText(("x".repeat(79) + "\n").repeat(10_600), "UTF-8");
            big.saveChanges();
            imap.append("INBOX", big, mail(address, "Premier", 2025, 2), mail(address, "Deuxième", 2025, 3),
                    mail(address, "Troisième", 2025, 4));
        }
        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn("it.clavier", password);
            WebElement banner = d.findElement(By.id("mail:quota-banner"));
            assertTrue(banner.getText().contains("presque pleine"), banner.getText());
            assertTrue(banner.getText().contains("Boîte de réception"), "largest folder named: " + banner.getText());
            assertTrue(d.findElement(By.id("quota")).getText().contains("sur 1,0 Mo"),
                    d.findElement(By.id("quota")).getText());
            browser.screenshot("list-03-quota");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with the quota banner");

            WebElement body = d.findElement(By.tagName("body"));
            body.sendKeys("j");
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("reading-title"),
                    "Troisième"));
            d.findElement(By.tagName("body")).sendKeys("j");
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("reading-title"),
                    "Deuxième"));
            d.findElement(By.tagName("body")).sendKeys("k");
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("reading-title"),
                    "Troisième"));
            d.findElement(By.tagName("body")).sendKeys("?");
            browser.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(By.id("mail:shortcuts-help")));
            assertTrue(d.findElement(By.id("mail:shortcuts-help")).getText().contains("Marquer comme non lu"));
            browser.screenshot("list-04-help");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with the shortcuts help open");
            new Actions(d).sendKeys(Keys.ESCAPE).perform();
            browser.waitUpTo(20).until(ExpectedConditions.invisibilityOfElementLocated(By.id("mail:shortcuts-help")));

            d.findElement(By.tagName("body")).sendKeys("u");
            waitMessage(browser, "marqué(s) comme non lu(s)");
            d.findElement(By.tagName("body")).sendKeys("j");
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("reading-title"),
                    "Troisième"));
            d.findElement(By.tagName("body")).sendKeys("#");
            waitMessage(browser, "placé(s) dans la Corbeille");
            d.findElement(By.tagName("body")).sendKeys("j");
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("reading-title"),
                    "Deuxième"));
            d.findElement(By.tagName("body")).sendKeys("e");
            waitMessage(browser, "archivé(s)");
            try (ImapProbe imap = ImapProbe.asMaster(address)) {
                assertEquals(List.of("Troisième"), imap.subjects("Corbeille"));
                assertEquals(List.of("Deuxième"), imap.subjects("Archives/2025"));
                assertEquals(List.of("Gros fichier", "Premier"), imap.subjects("INBOX"));
            }
        } finally {
            quotaClass("it.clavier", 0);
        }
    }

    private static void createFolder(Browser browser, String name) {
        WebDriver d = browser.driver();
        d.findElement(By.id("folder-tools:new-folder")).click();
        WebElement field = browser.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("mail:new-folder-name")));
        field.clear();
        field.sendKeys(name);
        d.findElement(By.id("mail:folder-create-ok")).click();
        browser.waitUpTo(30).until(ExpectedConditions.textToBe(By.id("folder-title"), name));
    }

    private static void openFolder(Browser browser, String label) {
        browser.driver().findElement(By.xpath("//div[@id='folders']//a[.//span[@class='folder-name' and "
                + "normalize-space()='" + label + "']]")).click();
        browser.waitUpTo(30).until(ExpectedConditions.textToBe(By.id("folder-title"), label));
    }

    private static void waitMessage(Browser browser, String text) {
        browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail:messages"), text));
    }

    private static WebElement row(WebDriver d, String subject) {
        return d.findElement(By.xpath("//tbody[@id='" + LIST + "']/tr[.//text()[contains(., '" + subject + "')]]"));
    }

    private static void check(WebDriver d, String subject) {
        new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d2 -> {
                    row(d2, subject).findElement(By.cssSelector(".ui-selection-column .ui-chkbox-box")).click();
                    return true;
                });
        new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d2 -> row(d2, subject).getAttribute("class").contains("ui-state-highlight"));
    }

    private static List<String> subjects(WebDriver d) {
        try {
            return d.findElements(By.cssSelector("tbody[id='" + LIST + "'] .row-subject")).stream()
                    .map(WebElement::getText).toList();
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return List.of();
        }
    }

    /** An HTML5 drag of the row and a drop on the folder, as the browser fires them for a mouse drag. */
    private static void dragToFolder(WebDriver d, String subject, String folder) {
        ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "const row = arguments[0], li = document.querySelector('li[data-folder=\"' + arguments[1] + '\"]');"
                + "const dt = new DataTransfer();"
                + "row.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: dt}));"
                + "li.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: dt}));"
                + "li.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: dt}));",
                row(d, subject), folder);
    }

    private static Flags flags(ImapProbe imap, String folder, String subject) throws Exception {
        Folder f = imap.store().getFolder(folder);
        f.open(Folder.READ_ONLY);
        try {
            for (Message m : f.getMessages()) {
                if (subject.equals(m.getSubject())) {
                    return m.getFlags();
                }
            }
            throw new AssertionError("no message " + subject + " in " + folder);
        } finally {
            f.close(false);
        }
    }

    private static void cleanUp(ImapProbe imap) throws Exception {
        imap.empty("INBOX");
        imap.empty("Corbeille");
        for (Folder f : imap.store().getDefaultFolder().list("*")) {
            String n = f.getFullName();
            if ((n.startsWith("Archives/") || n.startsWith("Projets") || n.startsWith("Classeurs")) && f.exists()) {
                f.delete(true);
            }
        }
    }

    /** A quota class of {@code megabytes} for the account; 0 puts it back in the standard class. */
    private static void quotaClass(String username, int megabytes) throws Exception {
        try (Connection c = DriverManager.getConnection(TestEnv.get("PREAU_DB_URL"), TestEnv.get("PREAU_DB_USER"),
                TestEnv.get("PREAU_DB_PASSWORD"))) {
            if (megabytes > 0) {
                try (PreparedStatement q = c.prepareStatement("insert into quota_class (code, label, storage_mb,"
                        + " attachment_mb) values ('it-small', 'it-small', ?, 10) on conflict (code) do update"
                        + " set storage_mb = excluded.storage_mb")) {
                    q.setInt(1, megabytes);
                    q.executeUpdate();
                }
            }
            try (PreparedStatement a = c.prepareStatement("update account set quota_class = ? where username = ?")) {
                a.setString(1, megabytes > 0 ? "it-small" : "standard");
                a.setString(2, username);
                a.executeUpdate();
            }
        }
    }

    private static MimeMessage mail(String to, String subject, int year, int day) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("sophie.bernard@" + TestEnv.domain(), "Sophie Bernard", "UTF-8"));
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        m.setText("Bonjour,\n" + subject + "\n", "UTF-8");
        m.setSentDate(Date.from(ZonedDateTime.of(year, 3, day, 9, 0, 0, 0, ZoneId.of("Europe/Paris")).toInstant()));
        m.saveChanges();
        return m;
    }
}
