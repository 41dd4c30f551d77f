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
import java.util.List;
import java.util.UUID;

import fr.preau.testing.TestUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * "Contacts" (issue 12, DIR-2; docs/adr/0100) in Chromium: a teacher creates a contact (a bad address is named and
 * nothing is saved), finds it by a few letters typed without accents, edits it, puts it in a group, imports a vCard
 * file with broken cards and sees which were refused and why, exports the group as vCard 4, writes to the contact,
 * adds a colleague from the directory and deletes a contact after confirming; a crafted address naming another
 * user's contact gets the same "not found" as a missing one. axe-core finds nothing serious.
 */
class ContactsBrowserIT extends PortalDeployment {
    private final String run = (UUID.randomUUID().toString().replaceAll("[^a-z]", "") + "qwxyz").substring(0, 5);

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
