package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.preau.testing.Accounts;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.KeycloakAdmin;
import fr.preau.testing.TestEnv;
import fr.preau.testing.TestUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The accounts page (issue 11, item 1; docs/adr/0090) in a real Chromium against the real stack: an academy
 * administrator creates an account (homonym-proof identifier, provisional password shown once), suspends,
 * reactivates, gives a new provisional password and changes the quota class, each after a confirmation and each
 * audited; an establishment administrator sees and suspends the accounts of their establishment only; the
 * administrator of another establishment, posting crafted requests, neither sees nor creates anything there, and a
 * teacher is refused the page. The same administrator then uses the settings and quota classes pages (issue 11,
 * items 4 and 2), which the establishment administrator and the teacher are refused. The quota report (ADR 0093)
 * likewise: an administrator's page passes axe-core, an establishment administrator sees their establishment's
 * mailboxes only, another's crafted request for it is refused, a teacher gets 403. Both administrators rename an
 * account (ADR 0096), the new identifier shown in the confirmation; another establishment's administrator cannot
 * even select it (the page takes the account from its own list, and the service refuses it: AccountAdministrationIT).
 */
class AccountsBrowserIT extends PortalDeployment {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UAI_A = "0990011A";
    private static final String UAI_B = "0990012B";
    private static final String PERSONAL_DOMAIN = "perso-preau.test";

    @Test
    void anAdministratorCreatesSuspendsReactivatesResetsAndChangesTheQuotaClass() throws Exception {
        String run = letters();
        String password = "Rectorat-" + run + "-2026!";
        TestUser.create("it.admin.page", "Adèle", "Administratrice", password, false);
        new KeycloakAdmin().grantRealmRole("it.admin.page", "admin");

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn("it.admin.page", password);
            d.findElement(By.id("account-link")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-accounts"))).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("accounts:first-name")));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the accounts page");

            d.findElement(By.id("accounts:first-name")).sendKeys("Élodie");
            d.findElement(By.id("accounts:last-name")).sendKeys("N'Guyen " + run);
            d.findElement(By.id("accounts:create")).click();
            confirm(browser);
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-password")));
            String username = d.findElement(By.id("issued-login")).getText();
            assertEquals("elodie.nguyen-" + run, username);
            assertTrue(d.findElement(By.id("issued-password")).getText().length() >= 12);
            browser.screenshot("60-account-created");
            waitForRow(browser, username);

            browser.click(By.id("accounts:list:0:suspend"));
            confirm(browser);
            waitForMessage(browser, "Le compte " + username + " est suspendu.");
            assertTrue(text(d, "accounts:list").contains("Suspendu"));
            assertFalse(d.findElements(By.id("issued-password")).stream().anyMatch(e -> e.isDisplayed()),
                    "the provisional password is shown once");

            browser.click(By.id("accounts:list:0:reactivate"));
            confirm(browser);
            waitForMessage(browser, "Le compte " + username + " est réactivé.");

            browser.click(By.id("accounts:list:0:reset"));
            confirm(browser);
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-password")));

            new Select(d.findElement(By.id("accounts:list:0:quota"))).selectByValue("etendu");
            browser.click(By.id("accounts:list:0:change-quota"));
            confirm(browser);
            waitForMessage(browser, "La classe de quota du compte " + username + " est changée.");
            browser.screenshot("61-account-quota");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core after the actions");

            browser.click(By.id("nav-quotas"));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("quotas:fullest")));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the quota report");

            List<String> trail = AuditTrail.about(username);
            assertEquals(List.of("ACCOUNT_CREATED it.admin.page " + username + "@" + TestEnv.domain(),
                    "ADMIN_ACTION it.admin.page suspended", "ADMIN_ACTION it.admin.page reactivated",
                    "ADMIN_ACTION it.admin.page provisional password",
                    "ADMIN_ACTION it.admin.page quota class standard -> etendu"), trail);
            assertAuditExport(password, username);
            settingsPage(browser);
            quotaClassesPage(browser, run);
            establishmentAdministratorsPage(browser, username);
            schoolHolidays(browser);
            String renamed = rename(browser, username, "Élodie", "Martin-N'Guyen " + run);
            assertEquals("elodie.martin-nguyen-" + run, renamed);
            assertTrue(AuditTrail.about(renamed).contains("ADMIN_ACTION it.admin.page renamed " + username + " -> "
                    + renamed));
        }
    }

    /**
     * Renames an account through the page (docs/adr/0096): the new identifier and address, and the old address kept
     * as an alias, shown before the confirmation and in its dialog; then the account listed under its new identifier.
     * Returns the new identifier.
     */
    private static String rename(Browser browser, String username, String firstName, String lastName)
            throws Exception {
        WebDriver d = browser.driver();
        d.get(Browser.portal() + "/admin/comptes");
        browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("accounts:text")));
        type(d, "accounts:text", username);
        browser.click(By.id("accounts:search"));
        waitForRow(browser, username);
        browser.click(By.id("accounts:list:0:rename"));
        browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("accounts:rename-last")));
        type(d, "accounts:rename-first", firstName);
        type(d, "accounts:rename-last", lastName);
        browser.click(By.id("accounts:rename-check"));
        browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("rename-new-login")));
        String renamed = d.findElement(By.id("rename-new-login")).getText();
        String oldAddress = username + "@" + TestEnv.domain();
        assertEquals(renamed + "@" + TestEnv.domain(), d.findElement(By.id("rename-new-address")).getText());
        assertEquals(oldAddress, d.findElement(By.id("rename-alias")).getText());
        assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with the rename shown");

        browser.click(By.id("accounts:rename-apply"));
        browser.waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("accounts:confirm-yes")));
        String dialog = d.findElement(By.cssSelector(".ui-confirm-dialog-message")).getText();
        assertTrue(dialog.contains(renamed + "@" + TestEnv.domain()) && dialog.contains(oldAddress), dialog);
        browser.screenshot("65-account-rename");
        browser.click(By.id("accounts:confirm-yes"));
        waitForMessage(browser, "Le compte " + username + " est renommé " + renamed + ".");
        waitForRow(browser, renamed);
        assertEquals(List.of(), browser.accessibilityProblems(), "axe-core after the rename");
        return renamed;
    }

    /**
     * Issue 11, item 1: the provisional password sent to a personal address instead of being shown. A bad address
     * is refused next to its field and creates nothing; a good one gets the mail (French and English) and the page
     * shows only to whom it went. A reset by mail is refused while the account has no verified recovery address,
     * then goes to it. Each sending is audited, never the password.
     */
    @Test
    void anAdministratorSendsTheProvisionalPasswordToAPersonalAddress() throws Exception {
        String run = letters();
        String password = "Rectorat-envoi-" + run + "-2026!";
        TestUser.create("it.admin.envoi", "Anne", "Envoi", password, false);
        new KeycloakAdmin().grantRealmRole("it.admin.envoi", "admin");
        PortalDatabase.update("insert into mail_domain (name, active) values (?, true) on conflict do nothing",
                PERSONAL_DOMAIN);
        String personal = "lea.perso." + run + "@" + PERSONAL_DOMAIN;
        String recovery = "lea.secours." + run + "@" + PERSONAL_DOMAIN;
        Accounts.ensure("it.perso.lea-" + run, personal, "Boîte personnelle de Léa");
        Accounts.ensure("it.secours.lea-" + run, recovery, "Adresse de secours de Léa");
        Accounts.ensure("ne-pas-repondre", "ne-pas-repondre@" + TestEnv.domain(), "Messagerie académique");
        PortalDatabase.academySetting("identity.recovery.sender", "ne-pas-repondre@" + TestEnv.domain());
        String username = "lea.envoi-" + run;

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn("it.admin.envoi", password);
            d.get(Browser.portal() + "/admin/comptes");
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("accounts:personalAddress")));
            type(d, "accounts:first-name", "Léa");
            type(d, "accounts:last-name", "Envoi " + run);
            type(d, "accounts:personalAddress", "lea-sans-arobase");
            d.findElement(By.id("accounts:create")).click();
            confirm(browser);
            browser.waitUpTo(30).until(t -> text(t, "accounts:personal-address-message")
                    .contains("« lea-sans-arobase » n'est pas une adresse électronique valide. Aucun compte n'a été"
                    + " créé."));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with the refused address");
            assertTrue(AuditTrail.about(username).isEmpty(), "nothing created");

            type(d, "accounts:personalAddress", personal);
            d.findElement(By.id("accounts:create")).click();
            confirm(browser);
            waitForMessage(browser, "Le compte " + username + " est créé. Son mot de passe provisoire a été envoyé à "
                    + personal + ".");
            assertTrue(d.findElements(By.id("issued-password")).isEmpty(), "the password is not on the page");
            assertFalse(d.getPageSource().contains(passwordMailedTo(personal)), "nor anywhere in it");
            browser.screenshot("65-account-created-password-mailed");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core after the sending");

            waitForRow(browser, username);
            browser.click(By.id("accounts:list:0:reset-mail"));
            confirm(browser);
            waitForMessage(browser, "Le compte " + username + " n'a pas d'adresse de secours vérifiée");
            PortalDatabase.update("insert into recovery_address (username, address, verified_at) values (?, ?, now())",
                    username, recovery);
            browser.click(By.id("accounts:list:0:reset-mail"));
            confirm(browser);
            waitForMessage(browser, "Un nouveau mot de passe provisoire du compte " + username
                    + " a été envoyé à " + recovery + ".");
            assertTrue(d.findElements(By.id("issued-password")).isEmpty(), "not shown either");
            assertFalse(d.getPageSource().contains(passwordMailedTo(recovery)));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core after the reset by mail");
        }
        assertEquals(List.of("ACCOUNT_CREATED it.admin.envoi " + username + "@" + TestEnv.domain(),
                "ADMIN_ACTION it.admin.envoi provisional password sent to " + personal,
                "ADMIN_ACTION it.admin.envoi provisional password",
                "ADMIN_ACTION it.admin.envoi provisional password sent to " + recovery),
                AuditTrail.about(username));
    }

    /** The provisional password in the one mail of a personal mailbox, in French and in English (waits for it). */
    private static String passwordMailedTo(String address) throws Exception {
        String subject = "Votre mot de passe provisoire de messagerie académique"
                + " / Your provisional password for the academic mail";
        try (ImapProbe mailbox = ImapProbe.asMaster(address)) {
            assertEquals(1L, mailbox.awaitSubject("INBOX", subject, Duration.ofSeconds(60)));
            String text = mailbox.text("INBOX", subject);
            Matcher m = Pattern.compile("Mot de passe provisoire : (\\S{20})\n").matcher(text);
            assertTrue(m.find(), text);
            assertTrue(text.contains("Provisional password: " + m.group(1) + "\n"), text);
            return m.group(1);
        }
    }

    /**
     * The settings page (issue 11, item 4; docs/adr/0094): a value out of bounds is refused with the setting's name
     * and bounds and changes nothing, the others typed with it included; a good value is saved and audited.
     */
    private static void settingsPage(Browser browser) throws Exception {
        String retention = "audit.retention-days";
        String expiry = "mail.large-file.expiry";
        PortalDatabase.academySetting(retention, null);
        PortalDatabase.academySetting(expiry, null);
        WebDriver d = browser.driver();
        try {
            browser.click(By.id("nav-settings"));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("settings:s-audit-retention-days")));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the settings page");
            assertEquals("365", d.findElement(By.id("settings:s-audit-retention-days")).getAttribute("value"));
            type(d, "settings:s-mail-large-file-expiry", "P7D");
            type(d, "settings:s-audit-retention-days", "90");
            browser.click(By.id("settings:save"));
            browser.waitUpTo(30).until(t -> text(t, "settings:messages").contains("Conservation du journal d'audit"
                    + " (jours) : « 90 » ne convient pas : saisissez un nombre entier de 180 à 36500. Rien n'a été"
                    + " modifié."));
            browser.screenshot("62-settings-refused");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with the message");
            d.get(Browser.portal() + "/admin/parametres");
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("settings:s-mail-large-file-expiry")));
            assertEquals("P30D", d.findElement(By.id("settings:s-mail-large-file-expiry")).getAttribute("value"),
                    "nothing was changed");

            type(d, "settings:s-audit-retention-days", "400");
            browser.click(By.id("settings:save"));
            browser.waitUpTo(30).until(t -> text(t, "settings:messages")
                    .contains("Paramètres enregistrés : Conservation du journal d'audit (jours)."));
            assertTrue(AuditTrail.about(retention).contains(
                    "ADMIN_ACTION it.admin.page setting audit.retention-days: default 365 -> 400"));
        } finally {
            PortalDatabase.academySetting(retention, null);
        }
    }

    /**
     * Issue 14, item 1 (docs/adr/0110): the administrator uploads the Ministry's .ics of zone A (one broken event
     * listed) and sees how many periods, from when to when and the zone; on her agenda she adds the school holidays,
     * finds the Toussaint 2025 in its colour, read-only, and a change from the dialog is refused. axe on both pages.
     */
    private static void schoolHolidays(Browser browser) throws Exception {
        WebDriver d = browser.driver();
        PortalDatabase.update("delete from agenda_holiday");
        PortalDatabase.update("delete from agenda_calendar where holidays and account_id = (select id from account"
                + " where username = ?)", "it.admin.page");
        try {
            browser.click(By.id("nav-school-holidays"));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("holidays-empty")));
            d.findElement(By.id("holidays:file_input")).sendKeys(Path.of("..", "ejb", "src", "test", "resources",
                    "agenda", "ics", "zone-a-2025-2026.ics").toAbsolutePath().normalize().toString());
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("holidays-summary")));
            assertEquals("6 périodes, du 18/10/2025 au 04/07/2026", text(d, "holidays-summary").strip());
            assertEquals("Zone(s) indiquée(s) dans le fichier : A", text(d, "holidays-zones").strip());
            assertTrue(text(d, "holidays-skipped").contains("« Rentrée scolaire des enseignants - Zone A » ignoré :"
                    + " date de début manquante (ligne 73"), text(d, "holidays-skipped"));
            assertTrue(text(d, "holidays:messages").contains("6 nouvelles périodes"), text(d, "holidays:messages"));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the school holidays page");

            d.get(Browser.portal() + "/agenda");
            browser.click(By.id("holidays:add-holidays"));
            browser.waitUpTo(30).until(t -> text(t, "agenda:messages").contains("L'agenda « Vacances scolaires » a"
                    + " été ajouté"));
            assertTrue(text(d, "calendars").contains("Vacances scolaires (Lecture seule)"), text(d, "calendars"));
            assertTrue(d.findElements(By.id("holidays:add-holidays")).isEmpty(), "offered once");
            browser.driver().executeScript("PF('agendaSchedule').calendar.gotoDate('2025-10-20')");
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("agenda:schedule"),
                    "Vacances de la Toussaint - Zone A"));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the agenda with the holidays");
            browser.click(By.cssSelector("#agenda\\:schedule .fc-event"));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("event:save")));
            browser.click(By.id("event:save"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("event:panel"),
                    "L'agenda « Vacances scolaires » est en lecture seule"));
        } finally {
            PortalDatabase.update("delete from agenda_holiday");
        }
    }

    /**
     * The quota classes page (issue 11, item 2): a class created, refused while an account is in it with the reason,
     * edited (audited), then deleted once empty.
     */
    private static void quotaClassesPage(Browser browser, String run) throws Exception {
        String code = "it-" + run;
        WebDriver d = browser.driver();
        browser.click(By.id("nav-quota-classes"));
        browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("classes:code")));
        assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the quota classes page");
        type(d, "classes:code", code);
        type(d, "classes:label", "Essai " + run);
        type(d, "classes:storage", "beaucoup");
        browser.click(By.id("classes:save"));
        browser.waitUpTo(30).until(t -> text(t, "classes").contains("« beaucoup » ne convient pas : saisissez un"
                + " nombre entier de Mo de 1 à 1048576."));
        type(d, "classes:storage", "512");
        type(d, "classes:attachment", "5");
        browser.click(By.id("classes:save"));
        browser.waitUpTo(30).until(t -> text(t, "classes:messages").contains("La classe « " + code + " » est créée."));

        PortalDatabase.update("update account set quota_class = ? where username = ?", code, "it.admin.page");
        try {
            classButton(browser, "delete", code);
            browser.waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("classes:confirm-yes")));
            browser.click(By.id("classes:confirm-yes"));
            browser.waitUpTo(30).until(t -> text(t, "classes:messages").contains("La classe « " + code + " » ne peut"
                    + " pas être supprimée : 1 compte(s) en font partie."));
            browser.screenshot("63-quota-class-in-use");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with the refusal");
        } finally {
            PortalDatabase.update("update account set quota_class = 'standard' where username = ?", "it.admin.page");
        }

        classButton(browser, "edit", code);
        browser.waitUpTo(30).until(t -> "5".equals(t.findElement(By.id("classes:attachment")).getAttribute("value")));
        type(d, "classes:storage", "1024");
        type(d, "classes:attachment", "");
        browser.click(By.id("classes:save"));
        browser.waitUpTo(30).until(t -> text(t, "classes:messages").contains("La classe « " + code
                + " » est enregistrée."));
        assertTrue(AuditTrail.about("quota-class:" + code).contains("ADMIN_ACTION it.admin.page quota class " + code
                + ": storage 512 MB -> 1024 MB, attachments 5 MB -> academy"));

        classButton(browser, "delete", code);
        browser.waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("classes:confirm-yes")));
        browser.click(By.id("classes:confirm-yes"));
        browser.waitUpTo(30).until(t -> text(t, "classes:messages").contains("La classe « " + code
                + " » est supprimée."));
    }

    /**
     * The establishment administrators' page: an account named for an establishment gets the Keycloak role, and
     * loses it when its last establishment is withdrawn; both audited.
     */
    private static void establishmentAdministratorsPage(Browser browser, String username) throws Exception {
        establishments();
        WebDriver d = browser.driver();
        browser.click(By.id("nav-etab-admins"));
        browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("etab-admins:username")));
        assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the establishment administrators page");
        type(d, "etab-admins:username", "personne.inconnue");
        browser.click(By.id("etab-admins:appoint"));
        browser.waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("etab-admins:confirm-yes")));
        browser.click(By.id("etab-admins:confirm-yes"));
        browser.waitUpTo(30).until(t -> text(t, "etab-admins").contains("Aucun compte actif ne porte l'identifiant"
                + " « personne.inconnue »."));
        type(d, "etab-admins:username", username);
        new Select(d.findElement(By.id("etab-admins:establishment"))).selectByValue(UAI_A);
        browser.click(By.id("etab-admins:appoint"));
        browser.waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("etab-admins:confirm-yes")));
        browser.click(By.id("etab-admins:confirm-yes"));
        browser.waitUpTo(30).until(t -> text(t, "etab-admins:messages").contains(username
                + " est nommé administrateur d'établissement de Collège Jean Moulin (Préau)."));
        assertTrue(new KeycloakAdmin().realmRoles(username).contains("etab-admin"));
        browser.screenshot("64-establishment-administrator");
        assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with a named administrator");

        browser.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[aria-label='Retirer " + username + " " + UAI_A + "']"))).click();
        browser.waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("etab-admins:confirm-yes")));
        browser.click(By.id("etab-admins:confirm-yes"));
        browser.waitUpTo(30).until(t -> text(t, "etab-admins:messages").contains(username + " n'administre plus"));
        assertFalse(new KeycloakAdmin().realmRoles(username).contains("etab-admin"));
        List<String> trail = AuditTrail.about(username);
        assertTrue(trail.contains("ADMIN_ACTION it.admin.page etab-admin of " + UAI_A + " (role granted)"), trail
                .toString());
        assertTrue(trail.contains("ADMIN_ACTION it.admin.page etab-admin of " + UAI_A + " withdrawn (role removed)"),
                trail.toString());
    }

    /** Clicks a row's button of the quota classes table, found by its accessible name. */
    private static void classButton(Browser browser, String action, String code) {
        String label = "delete".equals(action) ? "Supprimer " : "Modifier ";
        browser.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[aria-label='" + label + code + "']"))).click();
    }

    private static void type(WebDriver d, String id, String value) {
        d.findElement(By.id(id)).clear();
        d.findElement(By.id(id)).sendKeys(value);
    }

    /** The audit page's CSV export, posted as the button does: every action above, newest first. */
    private static void assertAuditExport(String adminPassword, String username) throws Exception {
        PortalHttp admin = new PortalHttp();
        admin.signIn("it.admin.page", adminPassword);
        HttpResponse<String> page = admin.get(Browser.portal() + "/admin/audit.xhtml");
        assertEquals(200, page.statusCode());
        HttpResponse<String> csv = admin.post(page.uri().toString(), "audit-search=audit-search"
                + "&audit-search%3Auser=" + username + "&audit-search%3Aexport=audit-search%3Aexport" + faces(page),
                null);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), csv.headers().map()
                .toString());
        List<String> lines = csv.body().lines().toList();
        assertEquals("\uFEFFdate;action;auteur;compte;adresse IP;résultat;détail", lines.get(0));
        assertEquals(6, lines.size(), csv.body());
        assertTrue(lines.get(1).contains(";ADMIN_ACTION;it.admin.page;" + username + ";"), lines.get(1));
        assertTrue(lines.get(1).endsWith(";réussi;quota class standard -> etendu"), lines.get(1));
        assertTrue(lines.get(5).contains(";ACCOUNT_CREATED;it.admin.page;" + username + ";"), lines.get(5));
    }

    @Test
    void anEstablishmentAdministratorManagesTheirEstablishmentOnly() throws Exception {
        String run = letters();
        establishments();
        String passwordA = "College-" + run + "-2026!";
        String passwordB = "Lycee-" + run + "-2026!";
        etabAdmin("it.chef.page-a", passwordA, UAI_A);
        etabAdmin("it.chef.page-b", passwordB, UAI_B);
        String teacherA = "it.prof-a-" + run;
        String teacherB = "it.prof-b-" + run;
        String teacherPassword = "Tableau-" + run + "-2026!";
        TestUser.create(teacherA, "Paul", "Prof", teacherPassword, false);
        TestUser.create(teacherB, "Pia", "Prof", teacherPassword, false);
        PortalDatabase.update("update account set establishment_uai = ? where username = ?", UAI_A, teacherA);
        PortalDatabase.update("update account set establishment_uai = ? where username = ?", UAI_B, teacherB);

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn("it.chef.page-a", passwordA);
            d.get(Browser.portal() + "/admin/comptes");
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("accounts:text")));
            assertTrue(d.findElements(By.id("nav-audit")).isEmpty(), "the audit log is the academy's");
            d.findElement(By.id("accounts:text")).sendKeys(run);
            d.findElement(By.id("accounts:search")).click();
            waitForRow(browser, teacherA);
            assertFalse(text(d, "accounts:list").contains(teacherB), "another establishment's teacher");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core, establishment administrator");

            browser.click(By.id("accounts:list:0:suspend"));
            confirm(browser);
            waitForMessage(browser, "Le compte " + teacherA + " est suspendu.");

            // The quota report (ADR 0093): their establishment's mailboxes only, the growth as a chart and a table.
            snapshots(teacherA, teacherB);
            d.get(Browser.portal() + "/admin/quotas");
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("quotas:fullest")));
            String fullest = text(d, "quotas:fullest");
            assertTrue(fullest.contains(teacherA + "@") && fullest.contains("85 %"), fullest);
            assertTrue(fullest.contains("048,0 Mo"), "the 2 GB quota in French: " + fullest);
            assertFalse(fullest.contains(teacherB), "another establishment's mailbox");
            int days = d.findElements(By.cssSelector("#quotas\\:growth_data tr")).size();
            assertTrue(days >= 3, "the three days (and earlier runs' within 30 days): " + days);
            assertFalse(d.findElements(By.cssSelector("#quotas\\:chart canvas[role=img][aria-label]")).isEmpty());
            browser.screenshot("62-quota-report");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the quota report");

            String renamedA = rename(browser, teacherA, "Paule", "Prof-Dupuis " + run);
            assertEquals("paule.prof-dupuis-" + run, renamedA);
            assertTrue(AuditTrail.about(renamedA).contains("ADMIN_ACTION it.chef.page-a renamed " + teacherA + " -> "
                    + renamedA));
        }
        assertTrue(AuditTrail.about(teacherA).contains("ADMIN_ACTION it.chef.page-a suspended"));

        // The other establishment's administrator, by hand-made requests: sees nothing of establishment A and
        // creates nothing there (an establishment that is not among theirs is refused).
        PortalHttp other = new PortalHttp();
        other.signIn("it.chef.page-b", passwordB);
        String page = Browser.portal() + "/admin/comptes";
        HttpResponse<String> form = other.get(page);
        assertEquals(200, form.statusCode());
        HttpResponse<String> search = other.post(form.uri().toString(), "accounts=accounts&accounts%3Atext=" + run
                + "&accounts%3Asearch=accounts%3Asearch" + faces(form), null);
        assertEquals(200, search.statusCode());
        assertFalse(search.body().contains(teacherA), "establishment A's teacher is not listed");
        assertFalse(search.body().contains("prof-dupuis-" + run), "nor under the name A's administrator gave");
        assertTrue(search.body().contains(teacherB), "their own teacher is");
        String intruder = "intrus" + run;
        HttpResponse<String> created = other.post(form.uri().toString(), "accounts=accounts"
                + "&accounts%3Afirst-name=Ines&accounts%3Alast-name=" + intruder
                + "&accounts%3Anew-establishment=" + UAI_A + "&accounts%3Anew-quota=standard"
                + "&accounts%3Acreate=accounts%3Acreate" + faces(search), null);
        assertEquals(200, created.statusCode());
        assertFalse(created.body().contains("issued-password"), "no account, no password");
        assertTrue(AuditTrail.about("ines." + intruder).isEmpty());
        assertEquals(403, other.get(Browser.portal() + "/admin/audit.xhtml").statusCode(),
                "the audit log and its export are the academy administrators'");
        assertAdministratorsOnly(other);
        String quotas = Browser.portal() + "/admin/quotas";
        HttpResponse<String> report = other.get(quotas);
        assertEquals(200, report.statusCode());
        assertFalse(report.body().contains(teacherA + "@"), "establishment A's mailbox is not in B's report");
        assertTrue(report.body().contains(teacherB + "@"), "their own is");
        HttpResponse<String> crafted = other.get(quotas + "?etablissement=" + UAI_A);
        assertEquals(200, crafted.statusCode());
        // The plain client asks for no language: the English bundle answers.
        assertTrue(crafted.body().contains("You can only see the quotas of your own establishment."),
                "another establishment's report is refused with a message");
        assertFalse(crafted.body().contains(teacherA + "@"), "and shows nothing of it");

        // A teacher: no accounts page at all.
        PortalHttp teacher = new PortalHttp();
        teacher.signIn(teacherB, teacherPassword);
        assertEquals(403, teacher.get(page).statusCode());
        assertAdministratorsOnly(teacher);
        assertEquals(403, teacher.get(quotas).statusCode(), "nor the quota report");
    }

    /**
     * The settings, quota classes, establishment administrators and school holidays pages, and crafted posts to
     * them, are refused to anyone but an academy administrator (the services refuse them too:
     * AccountAdministrationIT, AgendaIT).
     */
    private static void assertAdministratorsOnly(PortalHttp http) throws Exception {
        for (String page : List.of("/admin/parametres", "/admin/parametres.xhtml", "/admin/classes-quota",
                "/admin/classes-quota.xhtml", "/admin/etablissements", "/admin/etablissements.xhtml",
                "/admin/vacances-scolaires", "/admin/vacances-scolaires.xhtml")) {
            assertEquals(403, http.get(Browser.portal() + page).statusCode(), page);
        }
        HttpResponse<String> settings = http.post(Browser.portal() + "/admin/parametres.xhtml", "settings=settings"
                + "&settings%3As-audit-retention-days=36500&settings%3Asave=settings%3Asave"
                + "&jakarta.faces.ViewState=stateless", Browser.portal());
        assertEquals(403, settings.statusCode(), settings.body());
        HttpResponse<String> deleted = http.post(Browser.portal() + "/admin/classes-quota.xhtml", "classes=classes"
                + "&jakarta.faces.source=classes%3Alist%3A0%3Adelete&jakarta.faces.partial.ajax=true"
                + "&classes%3Alist%3A0%3Adelete=classes%3Alist%3A0%3Adelete&jakarta.faces.ViewState=stateless",
                Browser.portal());
        assertEquals(403, deleted.statusCode(), deleted.body());
        HttpResponse<String> appointed = http.post(Browser.portal() + "/admin/etablissements.xhtml",
                "etab-admins=etab-admins&etab-admins%3Ausername=it.chef.page-b&etab-admins%3Aestablishment=" + UAI_A
                + "&etab-admins%3Aappoint=etab-admins%3Aappoint&jakarta.faces.ViewState=stateless", Browser.portal());
        assertEquals(403, appointed.statusCode(), appointed.body());
        HttpResponse<String> holidays = http.post(Browser.portal() + "/admin/vacances-scolaires.xhtml",
                "holidays=holidays&jakarta.faces.ViewState=stateless", Browser.portal());
        assertEquals(403, holidays.statusCode(), holidays.body());
    }

    /** Three days of quota snapshots after any other: teacher A's mailbox 85 % full, teacher B's 14 %. */
    private static void snapshots(String teacherA, String teacherB) throws Exception {
        PortalDatabase.update("insert into quota_snapshot (account_id, day, used_kb, limit_kb) select a.id, m.d + g.n,"
                + " case when a.username = ? then 1785000 else 300000 end + g.n * 1024, 2097152 from account a"
                + " cross join (select coalesce(max(day), current_date) + 1 as d from quota_snapshot) m"
                + " cross join generate_series(0, 2) g(n) where a.username in (?, ?)", teacherA, teacherA, teacherB);
    }

    private static void etabAdmin(String username, String password, String uai) throws Exception {
        TestUser.create(username, "Chef", "Établissement", password, false);
        new KeycloakAdmin().grantRealmRole(username, "etab-admin");
        PortalDatabase.update("update account set establishment_uai = ? where username = ?", uai, username);
    }

    private static void establishments() throws Exception {
        PortalDatabase.update("insert into establishment (uai, name, town) values (?, 'Collège Jean Moulin',"
                + " 'Préau'), (?, 'Lycée Victor Hugo', 'Préau') on conflict do nothing", UAI_A, UAI_B);
    }

    /** The view state and nonce of the page just answered, as a browser posts them. */
    private static String faces(HttpResponse<String> page) {
        return PortalHttp.faces(page.body(), page.headers().firstValue("Content-Security-Policy").orElse(""));
    }

    private static void confirm(Browser browser) {
        browser.waitUpTo(10).until(ExpectedConditions.elementToBeClickable(By.id("accounts:confirm-yes")));
        browser.click(By.id("accounts:confirm-yes"));
    }

    private static void waitForRow(Browser browser, String username) {
        browser.waitUpTo(30).until(d -> text(d, "accounts:list").contains(username));
    }

    private static void waitForMessage(Browser browser, String message) {
        browser.waitUpTo(30).until(d -> text(d, "accounts:messages").contains(message));
    }

    /** The element's text; read again when an Ajax update replaced the element in the meantime. */
    private static String text(WebDriver d, String id) {
        for (int attempt = 0; ; attempt++) {
            try {
                return d.findElement(By.id(id)).getAttribute("textContent");
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static String letters() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sb.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return sb.toString();
    }
}
