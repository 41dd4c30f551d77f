package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.preau.testing.KeycloakAdmin;
import fr.preau.testing.TestEnv;
import fr.preau.testing.TestUser;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The jobs page ("Traitements", /admin/traitements): an administrator starts purge-large-files with a parameter
 * over many expired links, stops it half-way, restarts it and sees it finish, with its counts and statuses; a line
 * that is not name=value is refused with a message and starts nothing; the run is in WildFly's management model
 * too. A user who is not an administrator gets 403 for the page and for a crafted post to it.
 */
class JobsBrowserIT extends PortalDeployment {
    private static final String JOB = "purge-large-files";
    private static final String NIGHTLY_HOUR = "batch." + JOB + ".at";
    private static final int LINKS = 8_000;
    private static final Pattern STARTED = Pattern.compile("exécution (\\d+)");

    /**
     * The nightly run of the job would purge the links of this test behind its back. The links expired ten years
     * ago, so that the purge (oldest first) reaches them before any other expired link of the test database.
     */
    @BeforeEach
    void notAtNight() throws SQLException {
        PortalDatabase.academySetting(NIGHTLY_HOUR, "off");
    }

    @AfterEach
    void atNightAgain() throws SQLException {
        PortalDatabase.academySetting(NIGHTLY_HOUR, null);
        PortalDatabase.update("delete from large_file where account_id in"
                + " (select id from account where address like 'it.liens.%')");
    }

    @Test
    void anAdministratorStartsStopsAndRestartsAJobFromThePage() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String password = "Traitements-" + run + "-2026!";
        TestUser.create("it.traitements", "Tristan", "Traitements", password, false);
        new KeycloakAdmin().grantRealmRole("it.traitements", "admin");
        String owner = "it.liens." + run + "@" + TestEnv.domain();
        seedExpiredLinks(owner);

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn("it.traitements", password);
            d.findElement(By.id("account-link")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-jobs"))).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("jobs:start")));
            String page = text(d, "jobs");
            assertTrue(page.contains("audit-purge") && page.contains("password-expiry") && page.contains(JOB), page);
            assertTrue(page.contains("Chaque nuit à 02:30"), "audit-purge at its default hour: " + page);
            assertTrue(page.contains("Désactivé la nuit"), "purge-large-files set off for this test: " + page);
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on Traitements");

            // A parameter line that is not name=value: a message, nothing started.
            new Select(d.findElement(By.id("jobs:job"))).selectByValue(JOB);
            d.findElement(By.id("jobs:parameters")).sendKeys("taille du lot 1");
            browser.click(By.id("jobs:start"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobs:messages"),
                    "n'est pas de la forme nom=valeur"));
            assertTrue(!text(d, "jobs:messages").contains("lancé"));

            d.findElement(By.id("jobs:parameters")).clear();
            d.findElement(By.id("jobs:parameters")).sendKeys("batchSize=1");
            new Select(d.findElement(By.id("jobs:job"))).selectByValue(JOB);
            browser.click(By.id("jobs:start"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobs:messages"),
                    "Traitement " + JOB + " lancé"));
            long first = execution(text(d, "jobs:messages"));
            browser.waitUpTo(60).until(driver -> expiredLeftOrAll(owner) < LINKS);

            browser.click(action(first, "stop"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobs:messages"),
                    "Arrêt demandé pour l'exécution " + first));
            browser.waitUpTo(60).until(driver -> {
                driver.findElement(By.id("jobs:refresh")).click();
                return !driver.findElements(action(first, "restart")).isEmpty();
            });
            browser.screenshot("30-jobs-stopped");
            browser.waitUpTo(30).until(driver -> "Arrêté".equals(status(driver, first)));
            long left = expiredLeft(owner);
            assertTrue(left > 0 && left < LINKS, "stopped half-way: " + left);
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with executions");

            browser.click(action(first, "restart"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("jobs:messages"),
                    "Exécution " + first + " reprise"));
            long second = execution(text(d, "jobs:messages").replace("exécution " + first, ""));
            browser.waitUpTo(180).until(driver -> {
                driver.findElement(By.id("jobs:refresh")).click();
                return "Terminé".equals(status(driver, second));
            });
            browser.screenshot("31-jobs-restarted");
            assertEquals(0, expiredLeft(owner), "the restart finished the work");
            assertTrue(text(d, "jobs").contains("PURGED "), "exit status shown");
        }
        assertEquals("COMPLETED", managementStatus(), "the same history in WildFly's management model");
    }

    @Test
    void aUserWhoIsNotAnAdministratorIsRefusedThePageAndItsActions() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String password = "Curieux-" + run + "-2026!";
        TestUser.create("it.curieux", "Claude", "Curieux", password, false);
        PortalHttp visitor = new PortalHttp();
        visitor.signIn("it.curieux", password);
        String page = Browser.portal() + "/admin/traitements.xhtml";
        assertEquals(403, visitor.get(page).statusCode());
        HttpResponse<String> crafted = visitor.post(page, "jobs=jobs&jobs%3Ajob=" + JOB
                + "&jobs%3Aparameters=batchSize%3D1&jakarta.faces.source=jobs%3Astart&jakarta.faces.partial.ajax=true"
                + "&jakarta.faces.partial.execute=%40all&jobs%3Astart=jobs%3Astart&jakarta.faces.ViewState=stateless",
                Browser.portal());
        assertEquals(403, crafted.statusCode(), crafted.body());
    }

    /**
     * The jobs' role {@code batch} is given by the server only (@RunAs): a realm role of that name given to a user in
     * Keycloak opens nothing; every request of that user is refused, the jobs page's crafted start included.
     */
    @Test
    void aTokenCarryingTheJobsRoleIsRefusedEverywhere() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String password = "Nocturne-" + run + "-2026!";
        TestUser.create("it.nocturne", "Nils", "Nocturne", password, false);
        KeycloakAdmin keycloak = new KeycloakAdmin();
        keycloak.ensureRealmRole("batch");
        keycloak.grantRealmRole("it.nocturne", "batch");
        PortalHttp visitor = new PortalHttp();
        HttpResponse<String> mail = visitor.signInAnswer("it.nocturne", password);
        assertEquals(403, mail.statusCode(), mail.body());
        assertTrue(mail.body().contains("rôle réservé aux traitements"), mail.body());
        // Its portal session is over; the next request signs in again through Keycloak's session, and is refused.
        HttpResponse<String> crafted = visitor.post(Browser.portal() + "/admin/traitements.xhtml",
                "jobs=jobs&jobs%3Ajob=" + JOB + "&jakarta.faces.source=jobs%3Astart&jakarta.faces.partial.ajax=true"
                + "&jobs%3Astart=jobs%3Astart&jakarta.faces.ViewState=stateless", Browser.portal());
        assertNotEquals(200, crafted.statusCode(), crafted.body());
        HttpResponse<String> again = visitor.follow(visitor.get(Browser.portal() + "/mail/inbox.xhtml"));
        assertEquals(403, again.statusCode(), again.body());
    }

    private static String text(WebDriver d, String id) {
        return d.findElement(By.id(id)).getAttribute("textContent").replaceAll("\\s+", " ");
    }

    private static long expiredLeftOrAll(String owner) {
        try {
            return expiredLeft(owner);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stop or restart button on the row of an execution. */
    private static By action(long execution, String button) {
        return By.xpath("//tr[.//span[@class='job-execution' and normalize-space()='" + execution
                + "']]//button[substring(@id, string-length(@id) - " + button.length() + ") = ':" + button + "']");
    }

    /** The status shown on the row of an execution. */
    private static String status(WebDriver d, long execution) {
        return d.findElement(By.xpath("//tr[.//span[@class='job-execution' and normalize-space()='" + execution
                + "']]//span[@class='job-status']")).getAttribute("textContent").trim();
    }

    private static long execution(String message) {
        Matcher m = STARTED.matcher(message);
        assertTrue(m.find(), message);
        return Long.parseLong(m.group(1));
    }

    private static void seedExpiredLinks(String owner) throws SQLException {
        PortalDatabase.update("insert into account (username, address, display_name, quota_class, enabled)"
                + " values (?, ?, 'Liens Expirés', 'standard', true) on conflict (username) do nothing",
                owner.substring(0, owner.indexOf('@')), owner);
        PortalDatabase.update("insert into large_file (account_id, token_hash, file_name, content_type,"
                + " declared_size, size_bytes, storage_name, complete, expires_at, downloads)"
                + " select a.id, md5('t' || g || a.address), 'vieux.zip', 'application/zip', 4, 4,"
                + " md5('s' || g || a.address), true, now() - interval '10 years', 0"
                + " from account a, generate_series(1, " + LINKS + ") g where a.address = ?", owner);
    }

    private static long expiredLeft(String owner) throws SQLException {
        try (Connection c = PortalDatabase.open(); PreparedStatement q = c.prepareStatement("select count(*) from"
                + " large_file f join account a on a.id = f.account_id where a.address = ? and f.deleted_at is null")) {
            q.setString(1, owner);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The batch status of the newest execution of the job, as WildFly's management model reports it. */
    private static String managementStatus() throws Exception {
        try (ModelControllerClient client = ModelControllerClient.Factory.create("127.0.0.1",
                Integer.parseInt(System.getProperty("preau.management.port", "9990")))) {
            ModelNode read = new ModelNode();
            read.get("operation").set("read-resource");
            read.get("address").add("deployment", "preau.ear").add("subdeployment", "preau-batch.jar")
                    .add("subsystem", "batch-jberet").add("job", JOB);
            read.get("recursive").set(true);
            read.get("include-runtime").set(true);
            ModelNode result = client.execute(read);
            assertEquals("success", result.get("outcome").asString(), result.toString());
            ModelNode executions = result.get("result", "execution");
            long newest = -1;
            String status = null;
            for (String key : executions.keys()) {
                if (Long.parseLong(key) > newest) {
                    newest = Long.parseLong(key);
                    status = executions.get(key, "batch-status").asString();
                }
            }
            return status;
        }
    }
}
