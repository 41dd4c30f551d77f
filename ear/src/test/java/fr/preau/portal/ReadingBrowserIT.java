package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.TestEnv;
import fr.preau.testing.TestUser;
import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Reading hostile mail in a real Chromium: nothing in the message runs (a script that would change the page title or
 * set a global is inert), nothing remote loads (a local HTTP server stands for the sender's image server and counts
 * requests) until "Afficher les images"; inline images show; the external sender banner, the attachment download
 * (headers checked by the browser itself), the headers view and the print view; axe-core on each page.
 */
class ReadingBrowserIT extends PortalDeployment {
    /** 1×1 transparent PNG. */
    private static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    /** Binary, as a real PDF: sent in base64, so the bytes come back exactly. */
    private static final byte[] PDF = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n% Compte rendu du conseil\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    private HttpServer remote;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private String base;

    @BeforeEach
    void remoteImageServer() throws IOException {
        remote = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        remote.createContext("/", exchange -> {
            requests.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, PNG.length);
            exchange.getResponseBody().write(PNG);
            exchange.close();
        });
        remote.start();
        base = "http://127.0.0.1:" + remote.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        remote.stop(0);
    }

    private int requestsFor(String path) {
        AtomicInteger n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    private int allRequests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Test
    void hostileMailIsInertLoadsNothingRemoteUntilAskedAndItsPartsAreServedSafely() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String username = "it.lecture";
        String password = "Lecture-attentive-" + run + "-42!";
        String address = TestUser.create(username, "Lina", "Lecture", password, false);
        forgetTrustedSenders(username);
        String hostileSubject = "Facture impayée " + run;
        String secondSubject = "Nouvelle facture " + run;
        String internalSubject = "Réunion parents-professeurs " + run;
        String brokenSubject = "Message abime " + run;
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            imap.empty("INBOX");
            imap.append("INBOX", hostile(address, hostileSubject), secondExternal(address, secondSubject),
                    internal(address, internalSubject), broken(address, brokenSubject));
        }

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            JavascriptExecutor js = browser.driver();
            browser.signIn(username, password);
            String title = d.getTitle();

            // An internal message: no external banner, plain text shown as text.
            open(browser, internalSubject);
            browser.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message-body"),
                    "ordre du jour"));
            assertTrue(d.findElements(By.cssSelector("[id$='external-banner']")).isEmpty(), "internal sender");

            // Broken mail (unknown charset, missing end boundary, bad base64): what can be read, and what could not.
            open(browser, brokenSubject);
            browser.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("message-body"),
                    "Texte lisible malgr"));
            String problems = d.findElement(By.cssSelector("[id$='reading-problems']")).getText();
            assertTrue(problems.contains("Jeu de caractères inconnu (x-klingon)"), problems);
            assertTrue(d.findElement(By.id("attachments")).getText().contains("notes.bin"));

            // The hostile message: shown, inert, nothing remote loaded.
            open(browser, hostileSubject);
            WebElement frame = browser.waitUpTo(20).until(
                    ExpectedConditions.presenceOfElementLocated(By.id("message-frame")));
            browser.waitUpTo(20).until(d2 -> "complete".equals(js.executeScript(
                    "const f = document.getElementById('message-frame');"
                            + "return f && f.contentDocument && f.contentDocument.body"
                            + " && f.contentDocument.body.textContent.includes('Bonjour') ? 'complete' : null;")));
            Thread.sleep(1500);
            browser.screenshot("reading-01-hostile");
            assertEquals(title, d.getTitle(), "no script of the message changed the page title");
            assertEquals(Boolean.TRUE, js.executeScript("return typeof window.pwned === 'undefined'"
                    + " && typeof document.getElementById('message-frame').contentWindow.pwned === 'undefined';"));
            assertEquals("Bonjour", js.executeScript(
                    "return document.getElementById('message-frame').contentDocument.title"
                            + " === 'pwned' ? 'pwned' : 'Bonjour';"));
            assertEquals(0L, js.executeScript("return document.getElementById('message-frame').contentDocument"
                    + ".querySelectorAll('script,iframe,object,embed,form,svg,math,meta[http-equiv],base,link')"
                    + ".length;"));
            assertEquals(0, allRequests(), "nothing remote loaded: " + requests);
            assertEquals(Boolean.TRUE, js.executeScript("const img = document.getElementById('message-frame')"
                    + ".contentDocument.querySelector('img[alt=\"Logo du collège\"]');"
                    + "return img !== null && img.complete && img.naturalWidth > 0;"), "the inline cid image shows");
            assertFalse(frame.getAttribute("sandbox").contains("allow-scripts"), frame.getAttribute("sandbox"));
            @SuppressWarnings("unchecked")
            List<Object> policy = (List<Object>) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch(document.getElementById('message-frame').src).then(r => done([r.status,"
                    + " r.headers.get('content-security-policy')])).catch(e => done(['failed ' + e]));");
            String csp = (String) policy.get(1);
            assertTrue(csp.startsWith("default-src 'none'") && !csp.contains("script") && csp.contains("sandbox")
                    && !csp.contains("http:"), csp);
            String link = (String) js.executeScript("const a = document.getElementById('message-frame')"
                    + ".contentDocument.querySelector('a[href^=\"https://www.education.gouv.fr\"]');"
                    + "return a.target + ' ' + a.rel + ' ' + a.title;");
            assertEquals("_blank noopener noreferrer https://www.education.gouv.fr/", link);

            WebElement external = d.findElement(By.cssSelector("[id$='external-banner']"));
            assertTrue(external.getText().contains("Expéditeur externe à l'académie"), external.getText());
            assertTrue(d.findElement(By.cssSelector("[id$='images-banner']")).getText()
                    .contains("images distantes"));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with a hostile message open");

            // The attachment, as the browser downloads it.
            WebElement attachment = d.findElement(By.cssSelector("#attachments a.attachment-link"));
            assertTrue(attachment.getText().contains("Compte rendu é.pdf"), attachment.getText());
            assertTrue(attachment.getText().contains("PDF"), attachment.getText());
            @SuppressWarnings("unchecked")
            List<Object> download = (List<Object>) js.executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done([r.status,"
                            + " r.headers.get('content-disposition'), r.headers.get('x-content-type-options'),"
                            + " r.headers.get('cache-control'), btoa(String.fromCharCode(...new Uint8Array(b)))])))"
                            + ".catch(e => done(['failed ' + e]));",
                    attachment.getAttribute("href"));
            assertEquals(200L, download.get(0));
            assertEquals("attachment; filename=\"Compte rendu _.pdf\"; filename*=UTF-8''Compte%20rendu%20%C3%A9.pdf",
                    download.get(1));
            assertEquals("nosniff", download.get(2));
            assertTrue(((String) download.get(3)).startsWith("private"), (String) download.get(3));
            assertEquals(Base64.getEncoder().encodeToString(PDF), download.get(4), "the exact bytes");

            // "Afficher les images": now, and only now, the remote image is requested.
            d.findElement(By.cssSelector("[id$='show-images']")).click();
            browser.waitUpTo(20).until(d2 -> requestsFor("/photo-classe.png") > 0);
            browser.waitUpTo(20).until(ExpectedConditions.invisibilityOfElementLocated(
                    By.cssSelector("[id$='images-banner']")));
            // Only <img> elements load (the one inside <math> is an ordinary image once MathML is gone); no CSS,
            // frame, object, poster, SVG image, refresh or form reached the server.
            assertTrue(java.util.Set.of("/photo-classe.png", "/math.png").containsAll(requests.keySet()),
                    "only images: " + requests);
            assertEquals(title, d.getTitle());
            browser.screenshot("reading-02-images");

            // Headers view: every header, escaped.
            String headersUrl = d.findElement(By.id("headers-link")).getAttribute("href");
            String printUrl = d.findElement(By.id("print-link")).getAttribute("href");
            d.get(headersUrl);
            WebElement raw = browser.waitUpTo(20).until(
                    ExpectedConditions.visibilityOfElementLocated(By.id("raw-headers")));
            assertTrue(raw.getText().contains("X-Campagne: <b>relance</b><script>window.pwned=1</script>"),
                    raw.getText());
            assertTrue(raw.getText().contains("Subject: =?UTF-8?Q?Facture_impay=C3=A9e"), "raw, as received");
            assertTrue(d.findElements(By.cssSelector("#raw-headers *")).isEmpty(), "headers are text only");
            assertEquals(Boolean.TRUE, js.executeScript("return typeof window.pwned === 'undefined';"));
            browser.screenshot("reading-03-headers");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the headers view");

            // Print view: the portal's header and the sanitised body, still inert.
            d.get(printUrl);
            browser.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                    "Bonjour"));
            assertEquals(hostileSubject, d.getTitle());
            assertTrue(d.findElement(By.tagName("main")).getText().contains("Compte rendu é.pdf"));
            browser.screenshot("reading-04-print");
            // axe-core cannot be injected here: the print view is sandboxed without scripts, like the frame.
            assertEquals("fr", d.findElement(By.tagName("html")).getAttribute("lang"));
            assertEquals(hostileSubject, d.findElement(By.tagName("h1")).getText());

            // "Toujours pour cet expéditeur": the next message of the same sender shows its images at once.
            d.get(Browser.portal() + "/mail/inbox.xhtml");
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("folder-title")));
            open(browser, secondSubject);
            browser.waitUpTo(20).until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[id$='always-images']"))).click();
            browser.waitUpTo(20).until(d2 -> requestsFor("/logo-fournisseur.png") > 0);
            browser.waitUpTo(20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail:messages"),
                    "seront toujours affichées"));
            d.get(Browser.portal() + "/mail/inbox.xhtml");
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("folder-title")));
            int before = requestsFor("/photo-classe.png");
            open(browser, hostileSubject);
            browser.waitUpTo(20).until(d2 -> requestsFor("/photo-classe.png") > before);
            assertTrue(d.findElements(By.cssSelector("[id$='images-banner']")).isEmpty());
        }
    }

    /** A previous run may have trusted the sender: start without. */
    private static void forgetTrustedSenders(String username) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestEnv.get("PREAU_DB_URL"), TestEnv.get("PREAU_DB_USER"),
                TestEnv.get("PREAU_DB_PASSWORD"));
                PreparedStatement delete = c.prepareStatement("delete from user_setting where name = ? and"
                        + " account_id = (select id from account where username = ?)")) {
            delete.setString(1, "mail.images.trusted");
            delete.setString(2, username);
            delete.executeUpdate();
        }
    }

    private static void open(Browser browser, String subject) {
        browser.waitUpTo(30).until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//tbody[@id='mail:list_data']/tr[.//text()[contains(., '" + subject + "')]]"))).click();
        browser.waitUpTo(20).until(ExpectedConditions.textToBe(By.id("reading-title"), subject));
    }

    private MimeMessage hostile(String to, String subject) throws Exception {
        String html = "<html><head><title>pwned</title><base href=\"" + base + "/base/\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + base + "/refresh\">"
                + "<link rel=\"stylesheet\" href=\"" + base + "/style.css\">"
                + "<style>@import url(" + base + "/import.css); body { background: url(" + base + "/bg.png) }</style>"
                + "<script>document.title='pwned';window.pwned=1;parent.pwned=1;</script></head>"
                + "<body onload=\"document.title='pwned'\"><p>Bonjour, veuillez régler la facture.</p>"
                + "<img src=\"x\" onerror=\"parent.document.title='pwned'\" alt=\"cassée\">"
                + "<img src=\"" + base + "/photo-classe.png\" alt=\"Photo de la classe\">"
                + "<img src=\"cid:logo@college\" alt=\"Logo du collège\">"
                + "<p style=\"background:url(" + base + "/style-bg.png)\">Texte stylé</p>"
                + "<a href=\"https://www.education.gouv.fr/\" title=\"https://ac-preau.fr\">Portail</a> "
                + "<a href=\"javascript:parent.document.title='pwned'\">Payer</a>"
                + "<svg onload=\"parent.document.title='pwned'\"><image href=\"" + base + "/svg.png\"/></svg>"
                + "<math><mtext><img src=\"" + base + "/math.png\"></mtext></math>"
                + "<form action=\"" + base + "/form\"><input name=\"mdp\"><button>Valider</button></form>"
                + "<iframe src=\"" + base + "/frame\"></iframe><object data=\"" + base + "/object\"></object>"
                + "<video poster=\"" + base + "/poster.png\"></video>"
                + "</body></html>";
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("comptabilite@fournisseur-externe.example", "Service comptable", "UTF-8"));
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        m.setHeader("X-Campagne", "<b>relance</b><script>window.pwned=1</script>");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(html, "text/html; charset=UTF-8");
        MimeBodyPart logo = new MimeBodyPart();
        logo.setDataHandler(new DataHandler(new ByteArrayDataSource(PNG, "image/png")));
        logo.setContentID("<logo@college>");
        logo.setFileName("logo.png");
        logo.setDisposition(MimeBodyPart.INLINE);
        MimeMultipart related = new MimeMultipart("related", body, logo);
        MimeBodyPart relatedPart = new MimeBodyPart();
        relatedPart.setContent(related);
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(PDF, "application/pdf")));
        pdf.setFileName(jakarta.mail.internet.MimeUtility.encodeText("Compte rendu é.pdf", "UTF-8", "Q"));
        pdf.setDisposition(MimeBodyPart.ATTACHMENT);
        m.setContent(new MimeMultipart(relatedPart, pdf));
        m.saveChanges();
        return m;
    }

    private MimeMessage secondExternal(String to, String subject) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("comptabilite@fournisseur-externe.example", "Service comptable", "UTF-8"));
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        m.setContent("<p>Bonjour, voici notre logo.</p><img src=\"" + base + "/logo-fournisseur.png\" alt=\"Logo\">",
                "text/html; charset=UTF-8");
        m.saveChanges();
        return m;
    }

    private static MimeMessage broken(String to, String subject) throws Exception {
        String raw = "From: Sophie Bernard <sophie.bernard@" + TestEnv.domain() + ">\r\nTo: " + to + "\r\n"
                + "Subject: " + subject + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"limite\"\r\n\r\n"
                + "--limite\r\nContent-Type: text/plain; charset=x-klingon\r\n\r\nTexte lisible malgr\u00e9 tout\r\n"
                + "--limite\r\nContent-Type: application/octet-stream; name=\"notes.bin\"\r\n"
                + "Content-Disposition: attachment; filename=\"notes.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nQm9uam91ciDDoCB0b3VzIQ=*=*\r\nQm9\r\n";
        return new MimeMessage(Session.getInstance(new Properties()),
                new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
    }

    private static MimeMessage internal(String to, String subject) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("sophie.bernard@" + TestEnv.domain(), "Sophie Bernard", "UTF-8"));
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        m.setText("Bonjour,\nVoici l'ordre du jour de la réunion.\nSophie", "UTF-8");
        m.saveChanges();
        return m;
    }
}
