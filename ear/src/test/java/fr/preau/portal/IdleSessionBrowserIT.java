package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import fr.preau.testing.Settings;
import fr.preau.testing.TestUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The portal session ends after inactivity (here 40 seconds, {@code identity.session.idle-seconds}, which replaces
 * the academy's {@code identity.session.idle-minutes}): a dialog warns before (half the session when it is shorter
 * than four minutes), "Rester connecté·e" works from the keyboard, and without an answer the portal signs out.
 */
class IdleSessionBrowserIT extends PortalDeployment {
    private static final String IDLE_SECONDS = "identity.session.idle-seconds";

    @Test
    void anIdleUserIsWarnedCanStayAndIsOtherwiseSignedOut() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String password = "Pupitre-" + run + "-2026!";
        TestUser.create("it.inactif", "Ivan", "Inactif", password, false);
        Settings.put(IDLE_SECONDS, "40");
        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn("it.inactif", password);
            By dialog = By.id("idle:idle-dialog");
            browser.waitUpTo(40).until(ExpectedConditions.visibilityOfElementLocated(dialog));
            browser.screenshot("idle-01-warning");
            assertTrue(d.findElement(dialog).getText().contains("Votre session va expirer"));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with the warning open");
            // The "stay" button has the focus: Enter keeps the session.
            assertEquals("idle:stay", d.switchTo().activeElement().getAttribute("id"));
            d.switchTo().activeElement().sendKeys(Keys.ENTER);
            browser.waitUpTo(10).until(ExpectedConditions.invisibilityOfElementLocated(dialog));
            assertTrue(d.findElement(By.id("folder-title")).isDisplayed());

            // No answer this time: signed out.
            browser.waitUpTo(40).until(ExpectedConditions.visibilityOfElementLocated(dialog));
            browser.waitUpTo(40).until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
        } finally {
            Settings.put(IDLE_SECONDS, null);
        }
    }
}
