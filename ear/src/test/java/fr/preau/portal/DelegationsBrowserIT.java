package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import fr.preau.delegation.SharedFolders;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.KeycloakAdmin;
import fr.preau.testing.TestEnv;
import fr.preau.testing.TestUser;
import org.eclipse.angus.mail.imap.ACL;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.Rights;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * "Délégations" (issue 13; docs/adr/0103) in Chromium, by two teachers: the owner grants "lecture et classement"
 * until a day next week to a colleague found in the directory (an empty colleague is refused with a message,
 * nothing saved) and sees it waiting; the
 * delegate signs in, finds it with "Accepter" and "Refuser", accepts it, and their plain IMAP client then lists the
 * owner's folders under shared/; the delegate ends it and the folders are gone. axe-core finds nothing serious on
 * the page in each state; the page fits a phone.
 */
class DelegationsBrowserIT extends PortalDeployment {
    private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final String run = (UUID.randomUUID().toString().replaceAll("[^a-z]", "") + "qwxyz").substring(0, 5);

    @Test
    void anOwnerGrantsTheDelegateAcceptsSeesTheFoldersInImapAndEndsIt() throws Exception {
        String password = "Conseil-de-classe-2026-" + UUID.randomUUID().toString().substring(0, 6) + "!";
        String owner = "it.titulaire-" + run;
        String delegate = "it.suppleant-" + run;
        String ownerAddress = TestUser.create(owner, "Odile", "Titulaire", password, false);
        TestUser.create(delegate, "Didier", "Suppleant", password, false);
        LocalDate lastDay = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(7);
        PortalDatabase.update("insert into establishment (uai, name, town, kind) values ('0389901A',"
                + " 'Collège Champollion', 'Grenoble', 'Collège') on conflict do nothing");
        PortalDatabase.update("insert into directory_person (hr_id, last_name, first_name, function_code,"
                + " establishment_uai, address, search_text, seen_import) values (?, 'Suppleant', 'Didier', 'ENS',"
                + " '0389901A', ?, 'didier suppleant', 0)", "D" + run, delegate + "@" + TestEnv.domain());
        long person = PortalDatabase.number("select id from directory_person where hr_id = ?", "D" + run);

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn(owner, password);
            d.findElement(By.id("account-link")).click();
            browser.click(By.id("nav-delegations"));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("grant:grant-button")));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the empty page");

            browser.click(By.id("grant:grant-button"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("grant"),
                    "Indiquez le collègue à qui déléguer."));
            assertEquals(0, PortalDatabase.number("select count(*) from delegation g join account a"
                    + " on a.id = g.owner_id where a.username = ?", owner), "nothing granted");

            // The colleague found in the directory: their card's "Lui déléguer ma messagerie" fills the field.
            d.get(Browser.portal() + "/annuaire?qui=suppleant&personne=" + person);
            browser.click(By.id("card-delegate"));
            browser.waitUpTo(30).until(ExpectedConditions.attributeToBe(By.id("grant:colleague"), "value",
                    delegate + "@" + TestEnv.domain()));
            browser.click(By.cssSelector("label[for='grant:rights:2']"));
            WebElement until = d.findElement(By.id("grant:until_input"));
            until.sendKeys(lastDay.format(PICKER));
            until.sendKeys(Keys.TAB);
            browser.waitUpTo(30).until(ExpectedConditions.attributeToBe(By.id("grant:until_input"), "value",
                    lastDay.format(PICKER)));
            browser.click(By.id("grant:grant-button"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("grant"),
                    "Délégation proposée à Didier Suppleant"));
            String given = d.findElement(By.id("grant:given")).getAttribute("textContent");
            assertTrue(given.contains("Didier Suppleant") && given.contains("Lecture et classement")
                    && given.contains("En attente d'acceptation") && given.contains(lastDay.format(PICKER))
                    && given.contains(owner), given);
            browser.screenshot("delegations-01-granted");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with a delegation given");
            d.findElement(By.id("logout")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));

            browser.signIn(delegate, password);
            d.get(Browser.portal() + "/delegations");
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("grant:received:0:accept")));
            assertTrue(d.findElement(By.id("grant:received:0:refuse")).isDisplayed());
            String received = d.findElement(By.id("grant:received")).getAttribute("textContent");
            assertTrue(received.contains("Odile Titulaire") && received.contains(ownerAddress), received);
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with a delegation to answer");
            try (ImapProbe mine = ImapProbe.asMaster(delegate + "@" + TestEnv.domain())) {
                assertEquals(List.of(), SharedFolders.listed(mine, ownerAddress), "nothing before acceptance");
            }

            browser.click(By.id("grant:received:0:accept"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("grant"),
                    "Délégation de Odile Titulaire acceptée"));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("grant:received:0:end-received")));
            assertFalse(d.findElements(By.id("grant:received:0:accept")).stream().anyMatch(WebElement::isDisplayed));
            try (ImapProbe mine = ImapProbe.asMaster(delegate + "@" + TestEnv.domain())) {
                List<String> folders = SharedFolders.listed(mine, ownerAddress);
                assertTrue(folders.contains("INBOX") && folders.contains("Archives"), folders.toString());
            }
            d.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            browser.screenshot("delegations-02-phone");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on a phone, delegation active");

            browser.click(By.id("grant:received:0:end-received"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("grant"),
                    "La délégation a pris fin."));
            try (ImapProbe mine = ImapProbe.asMaster(delegate + "@" + TestEnv.domain())) {
                assertEquals(List.of(), SharedFolders.listed(mine, ownerAddress), "gone after the end");
            }
        }
        assertEquals(1, PortalDatabase.number("select count(*) from delegation g join account a"
                + " on a.id = g.owner_id where a.username = ? and g.status = 'ended' and g.mail_access = 'file'",
                owner));
    }

    /**
     * The mailbox switch (issue 13, item 3; docs/adr/0104): a delegate with *lecture* and *envoi de la part de*
     * chooses the owner's mailbox in the menu beside the folders, reads the owner's message under a banner that says
     * whose mailbox it is, finds no button to flag, move, delete or manage folders (a crafted request for the headers
     * of a message in another mailbox's folder finds nothing), writes on the owner's behalf
     * (From the owner, Sender the delegate, the copy in the owner's Envoyés), and comes back in one click; when the
     * delegation ends, the next click says so and shows their own mailbox. axe-core finds nothing serious.
     */
    @Test
    void aDelegateSwitchesToTheOwnersMailboxReadsWithTheGrantedButtonsOnlyAndSendsOnBehalf() throws Exception {
        String password = "Boite-partagee-2026-" + UUID.randomUUID().toString().substring(0, 6) + "!";
        String owner = "it.boite.t-" + run;
        String delegate = "it.boite.d-" + run;
        String ownerAddress = TestUser.create(owner, "Odile", "Boite", password, false);
        String delegateAddress = TestUser.create(delegate, "Didier", "Boite", password, false);
        String subject = "Conseil pédagogique " + run;
        // Seeded as an accepted delegation would leave it: the row, and "lr" on every folder of the owner.
        PortalDatabase.update("insert into delegation (owner_id, delegate_id, mail_access, send_on_behalf, status,"
                + " granted_by, granted_at, accepted_at, acl_identifier) select o.id, d.id, 'read', true, 'active', ?,"
                + " now(), now(), d.address from account o, account d where o.username = ? and d.username = ?",
                owner, owner, delegate);
        try (ImapProbe o = ImapProbe.asMaster(ownerAddress)) {
            o.appendText("INBOX", "direction@" + TestEnv.domain(), subject, "Ordre du jour");
            for (jakarta.mail.Folder f : o.store().getDefaultFolder().list("*")) {
                ((IMAPFolder) f).addACL(new ACL(delegateAddress, new Rights("lr")));
            }
        }

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn(delegate, password);
            d.get(Browser.portal() + "/mail/inbox.xhtml");
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("mailbox-switch:mailbox")));
            new org.openqa.selenium.support.ui.Select(d.findElement(By.id("mailbox-switch:mailbox")))
                    .selectByValue(ownerAddress);
            browser.click(By.id("mailbox-switch:mailbox-open"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail:list"),
                    subject));
            assertTrue(d.findElement(By.id("folders")).getText().contains("Envoyés"), "the owner's folders");
            assertEquals("Vous consultez la boîte de Odile Boite (" + ownerAddress + ") (lecture seule, envoi de sa"
                    + " part).", d.findElement(By.id("delegate-banner-text")).getText());
            for (String absent : List.of("mail:mark-read", "mail:move-selection", "mail:delete-selection",
                    "mail:archive-selection", "folder-tools:new-folder", "mail:folder-colour-open",
                    "mail:export-link")) {
                assertTrue(d.findElements(By.id(absent)).isEmpty(), absent + " is absent in read-only");
            }
            assertTrue(d.findElement(By.id("compose-link")).isDisplayed(), "sending on behalf is granted");
            browser.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//tbody[@id='mail:list_data']/tr[.//text()[contains(., '" + subject + "')]]"))).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBe(By.id("reading-title"), subject));
            assertTrue(d.findElements(By.id("mail:current-delete")).isEmpty()
                    && d.findElements(By.id("mail:current-move")).isEmpty(), "no filing button on the message");
            browser.screenshot("delegations-04-owners-mailbox");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core in the owner's mailbox");
            // Crafted requests in the same session: the message's headers are the owner's; the same UID in a folder
            // named after another mailbox is looked for among the owner's folders, and found nowhere.
            String headers = d.findElement(By.id("headers-link")).getAttribute("href");
            d.get(headers);
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
                    "direction@" + TestEnv.domain()));
            d.get(headers.replaceFirst("dossier=[^&]*", "dossier=shared%2F" + delegateAddress + "%2FINBOX"));
            assertFalse(d.getPageSource().contains("direction@"), "nothing of another mailbox");
            d.get(Browser.portal() + "/mail/inbox.xhtml");
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("mail:delegate-banner")));

            browser.click(By.id("compose-link"));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("compose:on-behalf")));
            assertTrue(d.findElement(By.id("compose:on-behalf")).getText().contains(ownerAddress));
            assertTrue(d.findElements(By.id("compose:save-draft")).isEmpty(), "drafts are one's own");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core, compose on behalf");
            String sent = "Réponse de la part de " + run;
            browser.writeAndSend(delegateAddress, sent, "Bien reçu.");
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail:messages"),
                    "Votre message a été envoyé"));
            try (ImapProbe mine = ImapProbe.asMaster(delegateAddress)) {
                assertEquals(1, mine.awaitSubject("INBOX", sent, java.time.Duration.ofSeconds(60)));
                assertTrue(mine.header("INBOX", sent, "From").contains(ownerAddress));
                assertTrue(mine.header("INBOX", sent, "Sender").contains(delegateAddress));
            }
            try (ImapProbe o = ImapProbe.asMaster(ownerAddress)) {
                assertTrue(o.subjects("Envoyés").contains(sent), "the copy in the owner's Envoyés");
            }
            assertEquals(1, PortalDatabase.number("select count(*) from audit_entry where action ="
                    + " 'MAIL_SENT_ON_BEHALF' and actor = ? and subject = ?", delegate, owner));

            browser.click(By.id("mail:mailbox-back"));
            browser.waitUpTo(30).until(ExpectedConditions.invisibilityOfElementLocated(
                    By.id("mail:delegate-banner")));
            assertTrue(d.findElement(By.id("folder-tools:new-folder")).isDisplayed(), "one's own mailbox again");

            new org.openqa.selenium.support.ui.Select(d.findElement(By.id("mailbox-switch:mailbox")))
                    .selectByValue(ownerAddress);
            browser.click(By.id("mailbox-switch:mailbox-open"));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("mail:delegate-banner")));
            PortalDatabase.update("update delegation set status = 'ended', closed_at = now(), closed_by = ? where"
                    + " owner_id = (select id from account where username = ?)", owner, owner);
            browser.click(By.id("mail:refresh"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail:messages"),
                    "a pris fin"));
            d.get(Browser.portal() + "/mail/inbox.xhtml");
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("folder-tools:new-folder")));
            assertTrue(d.findElements(By.id("mail:delegate-banner")).isEmpty()
                    && d.findElements(By.id("mailbox-switch")).isEmpty(), "own mailbox, no menu any more");
        }
    }

    /**
     * "Délégations en cours" (issue 13, item 5): an academy administrator sees the open delegations with both
     * parties, rights and who granted them (axe-core at 0); a teacher gets 403 for the page.
     */
    @Test
    void anAdministratorSeesTheDelegationsInForceAndATeacherIsRefusedThePage() throws Exception {
        String password = "Registre-2026-" + run + "!";
        String owner = "it.registre.t-" + run;
        String delegate = "it.registre.d-" + run;
        String admin = "it.registre.admin";
        TestUser.create(owner, "Rose", "Titulaire", password, false);
        TestUser.create(delegate, "Rémi", "Suppleant", password, false);
        TestUser.create(admin, "Agnès", "Registre", password, false);
        new KeycloakAdmin().grantRealmRole(admin, "admin");
        PortalDatabase.update("insert into delegation (owner_id, delegate_id, mail_access, send_on_behalf, status,"
                + " granted_by, granted_at, accepted_at, acl_identifier) select o.id, d.id, 'read', true, 'active', ?,"
                + " now(), now(), d.address from account o, account d where o.username = ? and d.username = ?",
                owner, owner, delegate);

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn(admin, password);
            d.findElement(By.id("account-link")).click();
            browser.click(By.id("nav-delegation-registry"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("registry"),
                    "Rose Titulaire"));
            String row = d.findElement(By.id("registry")).getAttribute("textContent");
            assertTrue(row.contains("Rémi Suppleant") && row.contains("Lecture") && row.contains("Active")
                    && row.contains(owner), row);
            browser.screenshot("delegations-03-registry");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the registry");
        }
        PortalHttp teacher = new PortalHttp();
        teacher.signIn(owner, password);
        assertEquals(403, teacher.get(Browser.portal() + "/admin/delegations").statusCode());
    }

    /**
     * "Boîtes fonctionnelles" (issue 13, item 4; docs/adr/0105) in Chromium, by an establishment administrator: an
     * address that is not one is refused with a message (nothing created); a functional mailbox created, opened to a
     * member of the staff (in force at once: their plain IMAP client lists it under shared/), then ended (gone from
     * IMAP); axe-core at 0 on the page in each state and on a phone. The staff member gets 403 for the page.
     */
    @Test
    void anEstablishmentAdministratorCreatesAFunctionalMailboxAndOpensItToTheStaff() throws Exception {
        String password = "Vie-scolaire-2026-" + run + "!";
        String chief = "it.fonct.chef-" + run;
        String staff = "it.fonct.cpe-" + run;
        TestUser.create(chief, "Claire", "Principale", password, false);
        TestUser.create(staff, "Camille", "Conseillere", password, false);
        new KeycloakAdmin().grantRealmRole(chief, "etab-admin");
        PortalDatabase.update("insert into establishment (uai, name, town, kind) values ('0389902B',"
                + " 'Collège Stendhal', 'Grenoble', 'Collège') on conflict do nothing");
        PortalDatabase.update("update account set establishment_uai = '0389902B' where username in (?, ?)", chief,
                staff);
        String functional = "vie-scolaire-" + run + "@" + TestEnv.domain();
        String staffAddress = staff + "@" + TestEnv.domain();

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn(chief, password);
            d.findElement(By.id("account-link")).click();
            browser.click(By.id("nav-functional-mailboxes"));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("functional:create")));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the page");

            d.findElement(By.id("functional:address")).sendKeys("Vie scolaire !");
            browser.click(By.id("functional:create"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("functional"),
                    "n'est pas une adresse valide"));
            assertEquals(0, PortalDatabase.number("select count(*) from account where address like ?",
                    "vie-scolaire-" + run + "%"), "nothing created");

            d.findElement(By.id("functional:address")).clear();
            d.findElement(By.id("functional:address")).sendKeys("vie-scolaire-" + run);
            d.findElement(By.id("functional:displayName")).sendKeys("Vie scolaire " + run);
            browser.click(By.id("functional:create"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("functional"),
                    "Boîte fonctionnelle " + functional + " créée."));
            new org.openqa.selenium.support.ui.Select(d.findElement(By.id("functional:mailbox")))
                    .selectByValue(functional);
            d.findElement(By.id("functional:colleague")).sendKeys(staff);
            browser.click(By.cssSelector("label[for='functional:rights:1']"));
            browser.click(By.id("functional:delegate"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("functional"),
                    "ouverte à Camille Conseillere"));
            String table = d.findElement(By.id("functional:mailboxes")).getAttribute("textContent");
            assertTrue(table.contains("Vie scolaire " + run) && table.contains("Camille Conseillere")
                    && table.contains("Lecture"), table);
            try (ImapProbe mine = ImapProbe.asMaster(staffAddress)) {
                assertTrue(SharedFolders.listed(mine, functional).contains("INBOX"), "in force at once");
            }
            browser.screenshot("functional-01-opened");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with a mailbox opened");
            d.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on a phone");

            browser.click(By.xpath("//li[.//span[text()='Camille Conseillere']]//button"));
            browser.click(By.id("functional:confirm-yes"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("functional"),
                    "La délégation a pris fin."));
            try (ImapProbe mine = ImapProbe.asMaster(staffAddress)) {
                assertEquals(List.of(), SharedFolders.listed(mine, functional), "gone after the end");
            }
        }
        PortalHttp teacher = new PortalHttp();
        teacher.signIn(staff, password);
        assertEquals(403, teacher.get(Browser.portal() + "/admin/boites-fonctionnelles").statusCode());
    }
}
