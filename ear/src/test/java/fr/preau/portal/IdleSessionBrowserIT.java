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
 * The portal session ends after inactivity (here 1 minute, {@code identity.session.idle-minutes}): a dialog warns
 * before, "Rester connecté·e" works from the keyboard, and without an answer the portal signs out. The two endings
 * run side by side in two browsers (two teachers), so the test waits one idle minute, not two.
 */
class IdleSessionBrowserIT extends PortalDeployment {
    private static final String IDLE_MINUTES = "identity.session.idle-minutes";

    @Test
    void anIdleUserIsWarnedCanStayAndIsOtherwiseSignedOut() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String password = "Pupitre-" + run + "-2026!";
        TestUser.create("it.inactif", "Ivan", "Inactif", password, false);
        TestUser.create("it.absent", "Anna", "Absente", password, false);
        Settings.put(IDLE_MINUTES, "1");
        By dialog = By.id("idle:idle-dialog");
        try (Browser staying = new Browser(); Browser leaving = new Browser()) {
            // The one who stays signs in first: had "stay" not started the session again, she would be signed out
            // before the other one, whose sign-out the test waits for.
            staying.signIn("it.inactif", password);
            leaving.signIn("it.absent", password);
            WebDriver d = staying.driver();
            staying.waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(dialog));
            staying.screenshot("idle-01-warning");
            assertTrue(d.findElement(dialog).getText().contains("Votre session va expirer"));
            assertEquals(List.of(), staying.accessibilityProblems(), "axe-core with the warning open");
            // The "stay" button has the focus: Enter keeps the session.
            assertEquals("idle:stay", d.switchTo().activeElement().getAttribute("id"));
            d.switchTo().activeElement().sendKeys(Keys.ENTER);
            staying.waitUpTo(10).until(ExpectedConditions.invisibilityOfElementLocated(dialog));
            assertTrue(d.findElement(By.id("folder-title")).isDisplayed());

            // No answer: signed out.
            leaving.waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(dialog));
            leaving.waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
            // Meanwhile the one who stayed is still in her mailbox, warned again one idle period after "stay".
            staying.waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(dialog));
            assertTrue(d.findElements(By.id("signed-out")).isEmpty(), "still signed in after staying");
            assertTrue(d.findElement(By.id("folder-title")).isDisplayed());
        } finally {
            Settings.put(IDLE_MINUTES, null);
        }
    }
}
