package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import fr.preau.testing.TestUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * "Listes de diffusion" (issue 12, item 3; docs/adr/0101) in Chromium: a teacher creates a project list (an address
 * already taken is refused and nothing is created), adds a colleague (an unknown academy address is named), lets
 * anyone write to it, sees it on a phone-sized screen, and deletes it after confirming; a crafted address naming
 * another user's list gets the same "not found" as a missing one and shows nothing of it. axe-core finds nothing
 * serious.
 */
class ListsBrowserIT extends PortalDeployment {
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aTeacherCreatesAProjectListAddsAColleagueSetsWhoMayWriteAndDeletesIt() throws Exception {
        String password = "Liste-de-diffusion-2026-" + run + "!";
        String username = "it.listes-" + run;
        TestUser.create(username, "Luc", "Liste", password, false);
        String colleague = "it.listes-collegue-" + run;
        PortalDatabase.update("insert into account (username, address, display_name, quota_class, enabled)"
                + " values (?, ? || '@ac-preau.fr', 'Collègue Liste', 'standard', true)", colleague, colleague);
        String foreign = "Liste secrète " + run;
        long foreignId = foreignList(foreign);
        String address = "it-diffusion-page-" + run + "@ac-preau.fr";

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
            d.findElement(By.id("create:name")).sendKeys("Projet Erasmus " + run);
            d.findElement(By.id("create:address")).sendKeys(colleague + "@ac-preau.fr");
            browser.click(By.id("create:create-list"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("create"),
                    "L'adresse " + colleague + "@ac-preau.fr est déjà celle d'un compte, d'un alias ou d'une autre"
                    + " liste."));
            assertEquals(0, lists(username));
            d.findElement(By.id("create:address")).clear();
            d.findElement(By.id("create:address")).sendKeys(address);
            browser.click(By.id("create:create-list"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("lists-messages"),
                    "La liste " + address + " est créée."));
            assertEquals("Projet Erasmus " + run, d.findElement(By.id("lists-title")).getText());

            // A colleague added; an academy address of nobody is named and changes nothing.
            d.findElement(By.id("members:member")).sendKeys("personne-" + run + "@ac-preau.fr");
            browser.click(By.id("members:add-member"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("members"),
                    "Aucun compte ni aucune liste n'a l'adresse personne-" + run + "@ac-preau.fr."));
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
                    "La liste « Projet Erasmus " + run + " » est enregistrée."));
            assertEquals(1, PortalDatabase.number("select count(*) from distribution_list where address = ?"
                    + " and posting = 'anyone'", address));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on a list");

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
            browser.click(By.linkText("Projet Erasmus " + run));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("edit:delete")));
            browser.click(By.id("edit:delete"));
            browser.click(By.id("edit:confirm-yes"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("lists-messages"),
                    "La liste " + address + " est supprimée."));
        }
        assertEquals(0, lists(username));
        assertEquals(1, PortalDatabase.number("select count(*) from distribution_list where id = cast(? as bigint)",
                String.valueOf(foreignId)), "the other user's list is untouched");
    }

    /** A project list owned by another account; its id. */
    private long foreignList(String name) throws Exception {
        String owner = "it.listes-autre-" + run;
        PortalDatabase.update("insert into account (username, address, display_name, quota_class, enabled)"
                + " values (?, ? || '@ac-preau.fr', 'Autre', 'standard', true)", owner, owner);
        PortalDatabase.update("insert into distribution_list (address, name, kind) values (?, ?, 'projet')",
                "it-diffusion-autre-" + run + "@ac-preau.fr", name);
        PortalDatabase.update("insert into distribution_list_owner (list_id, account_id) select l.id, a.id from"
                + " distribution_list l, account a where l.address = ? and a.username = ?",
                "it-diffusion-autre-" + run + "@ac-preau.fr", owner);
        return PortalDatabase.number("select id from distribution_list where address = ?",
                "it-diffusion-autre-" + run + "@ac-preau.fr");
    }

    private static long lists(String username) throws Exception {
        return PortalDatabase.number("select count(*) from distribution_list_owner o join account a on"
                + " a.id = o.account_id where a.username = ?", username);
    }
}
