package fr.preau.portal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Selenium, headless, French first, no browser downloaded. Runs axe-core (from npm,
 * path in PREAU_AXE_JS) on a page and reports its critical and serious findings.
 */
final class Browser implements AutoCloseable {
    private final ChromeDriver driver;
    private final Path userData;

    Browser() throws IOException {
        userData = Files.createTempDirectory("preau-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(env("PREAU_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=fr-FR", "--window-size=1366,900", "--user-data-dir=" + userData);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(env("PREAU_CHROMEDRIVER", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Types a message on the compose page (recipient typed, not chosen from the suggestions) and sends it. */
    void writeAndSend(String to, String subject, String text) {
        driver.findElement(By.id("compose:to_input")).sendKeys(to);
        driver.findElement(By.id("compose:subject")).sendKeys(subject);
        driver.findElement(By.cssSelector("#compose\\:body .ql-editor")).sendKeys(text);
        driver.findElement(By.id("compose:send")).click();
    }

    /** Clicks an element, looking again if an AJAX update has just replaced it. */
    void click(By by) {
        waitUpTo(10).until(d -> {
            d.findElement(by).click();
            return true;
        });
    }

    /**
     * Chooses the suggestion of autocomplete field {@code input} that contains {@code text}, until the field's value
     * contains {@code expected}: a click on that row once the list has finished opening (its animation moves the
     * rows under a click), made again if a later search replaced the list meanwhile.
     */
    void choose(String input, String text, String expected) {
        org.openqa.selenium.WebElement field = driver.findElement(By.id(input));
        try {
            waitUpTo(30).until(d -> {
                if (field.getAttribute("value").contains(expected)) {
                    return true;
                }
                List<org.openqa.selenium.WebElement> rows = d.findElements(By.xpath(
                        "//*[contains(@class,'ui-connected-overlay-enter-done')]" + SUGGESTION.formatted(text)));
                if (!rows.isEmpty() && rows.get(0).isDisplayed()) {
                    rows.get(0).click();
                }
                return false;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no suggestion " + text + " chosen; the field holds "
                    + field.getAttribute("value") + "; the lists: " + driver.findElements(
                    By.cssSelector(".ui-autocomplete-panel")).stream().map(p -> p.getAttribute("outerHTML")).toList(),
                    e);
        }
    }

    private static final String SUGGESTION = "//*[contains(@class,'ui-autocomplete-item')][contains(., '%s')]";

    /** The row of an open autocomplete list that contains {@code text}. */
    static By suggestion(String text) {
        return By.xpath("//*[contains(@class,'ui-autocomplete-panel')][not(contains(@style,'display: none'))]"
                + SUGGESTION.formatted(text));
    }

    /**
     * A wait that also looks again when an element it was reading was just replaced by an AJAX update (a
     * StaleElementReferenceException, or Chromium's "Node with given id does not belong to the document", a plain
     * WebDriverException).
     */
    WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds)) {
            @Override
            public <V> V until(java.util.function.Function<? super org.openqa.selenium.WebDriver, ? extends V> isTrue) {
                return super.until(d -> {
                    try {
                        return isTrue.apply(d);
                    } catch (org.openqa.selenium.StaleElementReferenceException e) {
                        return null;
                    } catch (org.openqa.selenium.WebDriverException e) {
                        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                            return null;
                        }
                        throw e;
                    }
                });
            }
        };
    }

    /** Opens the portal and fills Keycloak's login form; the caller waits for what comes next. */
    void submitLogin(String portalPath, String username, String password) {
        driver.get(portal() + portalPath);
        waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
    }

    /** Signs in a user whose password is definitive and waits for the inbox. */
    void signIn(String username, String password) {
        submitLogin("/", username, password);
        waitUpTo(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("folder-title")));
    }

    static String portal() {
        return fr.preau.testing.TestEnv.get("PREAU_PORTAL_URL");
    }

    /** Critical and serious axe-core violations of the current page, as readable lines. */
    @SuppressWarnings("unchecked")
    List<String> accessibilityProblems() throws IOException {
        String axe = Files.readString(Path.of(env("PREAU_AXE_JS", null)));
        JavascriptExecutor js = driver;
        js.executeScript(axe);
        // Colours are checked in their final state: a button just clicked may still be fading to its hover colour
        // (the theme's transitions), which axe would catch half-way on a slow machine; wait for the transitions
        // running now to end (3 s at most; endless animations such as spinners are not waited for).
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const running = document.getAnimations()"
                + ".filter(a => isFinite(a.effect.getComputedTiming().endTime));"
                + "Promise.race([Promise.all(running.map(a => a.finished.catch(() => null))),"
                + " new Promise(r => setTimeout(r, 3000))]).then(() => "
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(r.violations.filter(v => v.impact === 'critical' || v.impact === 'serious')"
                + ".map(v => v.impact + ' ' + v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(' | '))))"
                + ".catch(e => done(['axe failed: ' + e])));");
        return new ArrayList<>((List<String>) result);
    }

    void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException e) {
            // A screenshot is a help for the reader of a failure, never a reason to fail.
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                throw new IllegalStateException(name + " is not set: run the tests with bin/preau test");
            }
            return fallback;
        }
        return value;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
