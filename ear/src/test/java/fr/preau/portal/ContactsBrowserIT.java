package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import fr.preau.testing.ImapProbe;
import fr.preau.testing.SmtpProbe;
import fr.preau.testing.TestUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * "Contacts" (issue 12, DIR-2; docs/adr/0100) in Chromium: a teacher creates a contact (a bad address is named and
 * nothing is saved), finds it by a few letters typed without accents, edits it, puts it in a group, imports a vCard
 * file with broken cards and sees which were refused and why, exports the group as vCard 4, writes to the contact,
 * adds a colleague from the directory and deletes a contact after confirming; a crafted address naming another
 * user's contact gets the same "not found" as a missing one. axe-core finds nothing serious.
 *
 * <p>"Listes de diffusion" (issue 12, item 3; docs/adr/0101), in the same deployment: a teacher creates a project
 * list (an address already taken is refused and nothing is created), adds a colleague (an unknown academy address is
 * named), lets anyone write to it, sees it on a phone-sized screen, and deletes it after confirming; a crafted address
 * naming another user's list gets the same "not found" as a missing one and shows nothing of it.
 */
class ContactsBrowserIT extends PortalDeployment {
    private final String run = (UUID.randomUUID().toString().replaceAll("[^a-z]", "") + "qwxyz").substring(0, 5);
    private final String listRun = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aTeacherKeepsContactsGroupsImportsExportsAndWrites() throws Exception {
        String password = "Cahier-de-textes-2026-" + UUID.randomUUID().toString().substring(0, 6) + "!";
        String username = "it.contacts-" + run;
        TestUser.create(username, "Corinne", "Carnet", password, false);
        long foreign = foreignContact("it.contacts-autre-" + run, "Secret" + run);
        long colleague = colleague("Fontaine" + run);
        Path vcf = Files.createTempFile("contacts-", ".vcf");
        try (InputStream in = ContactsBrowserIT.class.getResourceAsStream("/contacts/cartes-abimees.vcf")) {
            Files.write(vcf, in.readAllBytes());
        }
        String family = "Dupré" + run;

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn(username, password);
            d.findElement(By.id("contacts-link")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("tools:new-contact")));

            // A new contact: a bad address is named and nothing is saved; corrected, it is saved.
            browser.click(By.id("tools:new-contact"));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-form:lastName")));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the form");
            d.findElement(By.id("contact-form:firstName")).sendKeys("Hélène");
            d.findElement(By.id("contact-form:lastName")).sendKeys(family);
            d.findElement(By.id("contact-form:email0")).sendKeys("helene.dupre.ac-preau.fr");
            d.findElement(By.id("contact-form:phone0")).sendKeys("06 12 34 56 78");
            d.findElement(By.id("contact-form:organisation")).sendKeys("Collège Jean Moulin");
            browser.click(By.id("contact-form:save"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact-form"),
                    "« helene.dupre.ac-preau.fr » n'est pas une adresse électronique valide."));
            assertEquals(0, count("select count(*) from contact c join account a on a.id = c.account_id"
                    + " where a.username = ?", username), "nothing saved");
            d.findElement(By.id("contact-form:email0")).clear();
            d.findElement(By.id("contact-form:email0")).sendKeys("helene.dupre" + run + "@ac-preau.fr");
            browser.click(By.id("contact-form:save"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("card-name"),
                    "Hélène " + family));

            // Found by a few letters without accents, edited.
            d.get(Browser.portal() + "/contacts?qui=HELENE+dupre" + run);
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".contact-link")));
            assertEquals(List.of("Hélène " + family), d.findElements(By.cssSelector(".contact-link")).stream()
                    .map(e -> e.getText()).toList());
            d.findElement(By.cssSelector(".contact-link")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("card-actions:edit")));
            browser.click(By.id("card-actions:edit"));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-form:title")));
            d.findElement(By.id("contact-form:title")).sendKeys("Professeure principale de 5e B");
            browser.click(By.id("contact-form:save"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("card-title"),
                    "Professeure principale de 5e B"));

            // A group, the contact in it, the group's list and its export.
            String groupName = "Équipe 5e " + run;
            d.findElement(By.id("groups:groupName")).sendKeys(groupName);
            browser.click(By.id("groups:create-group"));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//label[contains(., '" + groupName + "')]")));
            browser.click(By.xpath("//label[contains(., '" + groupName + "')]"));
            browser.click(By.id("card-groups:save-groups"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("contacts-messages"), "Les groupes du contact sont enregistrés."));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("group-nav"),
                    groupName + " (1)"));
            browser.screenshot("contacts-01-card");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the card");
            browser.click(By.partialLinkText(groupName));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("contacts-title"),
                    groupName));
            assertEquals(1, d.findElements(By.cssSelector(".contact-link")).size());
            String vcard = (String) ((JavascriptExecutor) d).executeAsyncScript(
                    "const done = arguments[arguments.length - 1]; const f = document.getElementById('tools');"
                    + "const data = new URLSearchParams(new FormData(f)); data.append('tools:export-v4', '');"
                    + "fetch(f.action, {method: 'POST', body: data}).then(r => r.text().then(t =>"
                    + " done(r.headers.get('content-type') + '\\n' + t))).catch(e => done('failed ' + e));");
            assertTrue(vcard.startsWith("text/vcard"), vcard);
            assertTrue(vcard.contains("VERSION:4.0") && vcard.contains("FN:Hélène " + family)
                    && vcard.contains("CATEGORIES:" + groupName), vcard);
            browser.click(By.id("group-write"));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("compose:to_input")));
            assertEquals("Hélène " + family + " <helene.dupre" + run + "@ac-preau.fr>",
                    d.findElement(By.id("compose:to_input")).getAttribute("value"), "Écrire au groupe");
            // The recipient field suggests the group by its name typed without accents, all its members at once.
            d.findElement(By.id("compose:to_input")).clear();
            d.findElement(By.id("compose:to_input")).sendKeys("equipe 5e " + run);
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(
                    Browser.suggestion("Groupe « " + groupName + " »")));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the suggestions");
            browser.choose("compose:to_input", "Groupe « " + groupName + " »", "helene.dupre" + run + "@ac-preau.fr");

            // "Écrire" opens compose with the contact.
            d.get(Browser.portal() + "/contacts?qui=dupre" + run);
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".write-link")));
            d.findElement(By.cssSelector(".write-link")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("compose:to_input")));
            assertEquals("Hélène " + family + " <helene.dupre" + run + "@ac-preau.fr>",
                    d.findElement(By.id("compose:to_input")).getAttribute("value"));

            // An import with broken cards: what is valid is added, the others are listed with their reason.
            d.get(Browser.portal() + "/contacts");
            browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("import:file_input")));
            d.findElement(By.id("import:file_input")).sendKeys(vcf.toString());
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("rejected")));
            assertEquals(List.of("Carte 3 : Indiquez au moins un nom ou une adresse électronique.",
                    "Carte 4 : « paul.martin@@exemple » n'est pas une adresse électronique valide."),
                    d.findElements(By.cssSelector(".rejected-entry")).stream().map(e -> e.getText()).toList());
            assertTrue(d.findElement(By.id("import-summary")).getText().contains("contacts ajoutés : 4"),
                    d.findElement(By.id("import-summary")).getText());
            browser.screenshot("contacts-02-import");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the import report");

            // Crafted addresses: another user's contact is "not found" like a missing one, and never shown.
            d.get(Browser.portal() + "/contacts?contact=" + foreign);
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("contacts-messages"), "Ce contact n'existe pas ou plus."));
            assertFalse(d.getPageSource().contains("Secret" + run));
            d.get(Browser.portal() + "/contacts?contact=" + Long.MAX_VALUE);
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("contacts-messages"), "Ce contact n'existe pas ou plus."));

            // "Ajouter aux contacts" on a directory card.
            d.get(Browser.portal() + "/annuaire?qui=fontaine" + run + "&personne=" + colleague);
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("card-actions:add-contact")));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the directory card");
            d.findElement(By.id("card-actions:add-contact")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("card-name"),
                    "Agnès Fontaine" + run));
            assertFalse(d.getPageSource().contains("06 99 99 99 99"), "the personal phone stays out");

            d.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            browser.screenshot("contacts-03-phone");

            // Deleted after confirming.
            browser.click(By.id("card-actions:delete"));
            browser.click(By.id("card-actions:confirm-yes"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("contacts-messages"), "Le contact Agnès Fontaine" + run + " est supprimé."));
        }
        assertEquals(5, count("select count(*) from contact c join account a on a.id = c.account_id"
                + " where a.username = ?", username), "Hélène and the four valid cards");
        assertEquals(1, count("select count(*) from contact where id = cast(? as bigint)", String.valueOf(foreign)));
    }

    @Test
    void aTeacherCreatesAProjectListAddsAColleagueSetsWhoMayWriteAndDeletesIt() throws Exception {
        String password = "Liste-de-diffusion-2026-" + listRun + "!";
        String username = "it.listes-" + listRun;
        TestUser.create(username, "Luc", "Liste", password, false);
        String colleague = "it.listes-collegue-" + listRun;
        PortalDatabase.update("insert into account (username, address, display_name, quota_class, enabled)"
                + " values (?, ? || '@ac-preau.fr', 'Collègue Liste', 'standard', true)", colleague, colleague);
        String foreign = "Liste secrète " + listRun;
        long foreignId = foreignList(foreign);
        String address = "it-diffusion-page-" + listRun + "@ac-preau.fr";

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn(username, password);
            d.findElement(By.id("lists-link")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("create:create-list")));
            assertTrue(d.findElement(By.id("lists-none")).isDisplayed());
            assertEquals(List.of("Projet"), new Select(d.findElement(By.id("create:kind"))).getOptions().stream()
                    .map(o -> o.getText()).toList(), "a teacher creates project lists only");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the lists page");

            // An address already taken (the colleague's) is refused, nothing is created.
            d.findElement(By.id("create:name")).sendKeys("Projet Erasmus " + listRun);
            d.findElement(By.id("create:address")).sendKeys(colleague + "@ac-preau.fr");
            browser.click(By.id("create:create-list"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("create"),
                    "L'adresse " + colleague + "@ac-preau.fr est déjà celle d'un compte, d'un alias ou d'une autre"
                    + " liste."));
            assertEquals(0, listsOwned(username));
            d.findElement(By.id("create:address")).clear();
            d.findElement(By.id("create:address")).sendKeys(address);
            browser.click(By.id("create:create-list"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("lists-messages"),
                    "La liste " + address + " est créée."));
            assertEquals("Projet Erasmus " + listRun, d.findElement(By.id("lists-title")).getText());

            // A colleague added; an academy address of nobody is named and changes nothing.
            d.findElement(By.id("members:member")).sendKeys("personne-" + listRun + "@ac-preau.fr");
            browser.click(By.id("members:add-member"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("members"),
                    "Aucun compte ni aucune liste n'a l'adresse personne-" + listRun + "@ac-preau.fr."));
            d.findElement(By.id("members:member")).clear();
            d.findElement(By.id("members:member")).sendKeys(colleague + "@ac-preau.fr");
            browser.click(By.id("members:add-member"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("members"),
                    "Collègue Liste"));
            assertEquals(1, PortalDatabase.number("select count(*) from distribution_list_member m join"
                    + " distribution_list l on l.id = m.list_id where l.address = ?", address));

            // Anyone may write to it.
            new Select(d.findElement(By.id("edit:posting"))).selectByVisibleText("Tout le monde");
            browser.click(By.id("edit:save"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("lists-messages"),
                    "La liste « Projet Erasmus " + listRun + " » est enregistrée."));
            assertEquals(1, PortalDatabase.number("select count(*) from distribution_list where address = ?"
                    + " and posting = 'anyone'", address));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on a list");

            // Moderated: a message from outside waits on the page, and "Approuver" delivers it to the colleague once.
            d.findElement(By.cssSelector("#edit\\:moderated .ui-chkbox-box")).click();
            browser.click(By.id("edit:save"));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("held-none")));
            assertEquals(1, PortalDatabase.number("select count(*) from distribution_list where address = ?"
                    + " and moderated", address));
            String held = "Sortie au musée " + listRun;
            SmtpProbe.sendFromOutside(address, held);
            browser.waitUpTo(30).pollingEvery(Duration.ofSeconds(1)).until(driver -> {
                driver.navigate().refresh();
                return driver.findElement(By.id("held")).getText().contains(held);
            });
            assertTrue(d.findElement(By.id("held")).getText().contains("parent.eleve@exemple.org"));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with a held message");
            browser.click(By.cssSelector(".held-approve"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("lists-messages"),
                    "Message approuvé : il est diffusé aux membres de la liste."));
            assertTrue(d.findElements(By.cssSelector(".held-approve")).isEmpty(), "no longer held");
            try (ImapProbe inbox = ImapProbe.asMaster(colleague + "@ac-preau.fr")) {
                assertEquals(1, inbox.awaitSubject("INBOX", held, Duration.ofSeconds(30)), "delivered once");
            }

            d.manage().window().setSize(new Dimension(390, 844));
            browser.screenshot("lists-01-phone");
            long overflow = (Long) ((JavascriptExecutor) d).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertTrue(overflow <= 0, "no sideways scrolling on a phone: " + overflow + " px");
            d.manage().window().setSize(new Dimension(1366, 900));

            // A crafted address naming another user's list: "not found", nothing of it shown.
            d.get(Browser.portal() + "/listes?liste=" + foreignId);
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("lists-messages"),
                    "Cette liste n'existe pas, ou vous ne la gérez pas."));
            assertFalse(d.getPageSource().contains(foreign), "another user's list stays hidden");
            d.get(Browser.portal() + "/listes?liste=" + Long.MAX_VALUE);
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("lists-messages"),
                    "Cette liste n'existe pas, ou vous ne la gérez pas."));

            // Deleted after confirming.
            browser.click(By.linkText("Projet Erasmus " + listRun));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("edit:delete")));
            browser.click(By.id("edit:delete"));
            browser.click(By.id("edit:confirm-yes"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("lists-messages"),
                    "La liste " + address + " est supprimée."));
        }
        assertEquals(0, listsOwned(username));
        assertEquals(1, PortalDatabase.number("select count(*) from distribution_list where id = cast(? as bigint)",
                String.valueOf(foreignId)), "the other user's list is untouched");
    }

    /** A project list owned by another account; its id. */
    private long foreignList(String name) throws Exception {
        String owner = "it.listes-autre-" + listRun;
        PortalDatabase.update("insert into account (username, address, display_name, quota_class, enabled)"
                + " values (?, ? || '@ac-preau.fr', 'Autre', 'standard', true)", owner, owner);
        PortalDatabase.update("insert into distribution_list (address, name, kind) values (?, ?, 'projet')",
                "it-diffusion-autre-" + listRun + "@ac-preau.fr", name);
        PortalDatabase.update("insert into distribution_list_owner (list_id, account_id) select l.id, a.id from"
                + " distribution_list l, account a where l.address = ? and a.username = ?",
                "it-diffusion-autre-" + listRun + "@ac-preau.fr", owner);
        return PortalDatabase.number("select id from distribution_list where address = ?",
                "it-diffusion-autre-" + listRun + "@ac-preau.fr");
    }

    private static long listsOwned(String username) throws Exception {
        return PortalDatabase.number("select count(*) from distribution_list_owner o join account a on"
                + " a.id = o.account_id where a.username = ?", username);
    }

    /** A contact in the book of another account; its id. */
    private static long foreignContact(String username, String lastName) throws Exception {
        PortalDatabase.update("insert into account (username, address, display_name, quota_class, enabled)"
                + " values (?, ? || '@ac-preau.fr', 'Autre', 'standard', true)", username, username);
        PortalDatabase.update("insert into contact_book (account_id) select id from account where username = ?",
                username);
        PortalDatabase.update("insert into contact (account_id, uid, last_name, vcard, changed_token, search_text)"
                + " select id, gen_random_uuid()::text, ?, 'BEGIN:VCARD', 0, lower(?) from account where username = ?",
                lastName, lastName, username);
        return count("select max(c.id) from contact c join account a on a.id = c.account_id where a.username = ?",
                username);
    }

    /** A person of the directory with a hidden personal phone; their id. */
    static long colleague(String lastName) throws Exception {
        PortalDatabase.update("insert into establishment (uai, name, town, kind) values ('0389901A',"
                + " 'Collège Champollion', 'Grenoble', 'Collège') on conflict do nothing");
        PortalDatabase.update("insert into directory_person (hr_id, last_name, first_name, function_code,"
                + " establishment_uai, address, work_phone, personal_phone, search_text, seen_import) values"
                + " (?, ?, 'Agnès', 'ENS', '0389901A', ?, '04 76 00 00 01', '06 99 99 99 99', ?, 0)",
                "K" + lastName, lastName, "agnes." + lastName.toLowerCase() + "@ac-preau.fr",
                "agnes " + lastName.toLowerCase());
        return count("select id from directory_person where hr_id = ?", "K" + lastName);
    }

    private static long count(String sql, String value) throws Exception {
        try (Connection c = PortalDatabase.open(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
