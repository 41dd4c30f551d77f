package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.List;

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
 * teacher is refused the page. The quota report (ADR 0093) likewise: an administrator's page passes axe-core, an
 * establishment administrator sees their establishment's mailboxes only, another's crafted request for it is
 * refused, a teacher gets 403.
 */
class AccountsBrowserIT extends PortalDeployment {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UAI_A = "0990011A";
    private static final String UAI_B = "0990012B";

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
        }
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
        assertEquals(403, teacher.get(quotas).statusCode(), "nor the quota report");
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
