package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.preau.testing.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Issue 9, item 4: slow large-file uploads (the body trickled over a raw socket, or stalled) must not hold database
 * connections or locks, must be capped per user, and the storage per user is capped too; each refusal says what the
 * limit is.
 */
class LargeUploadExhaustionIT extends PortalDeployment {
    private static final Pattern NUMBER = Pattern.compile("\"(id|recu)\":(\\d+)");

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final String password = "Grand-fichier-" + run + "!";
    private final HttpClient http = HttpClient.newHttpClient();
    private String cookie;
    private String jeton;

    @BeforeEach
    void signedIn() throws Exception {
        PortalDatabase.academySetting("mail.large-file.quota-mb", null);
        PortalDatabase.academySetting("mail.large-file.max-concurrent", null);
        TestUser.create("it.lent", "Léon", "Lent", password, false);
        try (Connection c = PortalDatabase.open(); PreparedStatement s = c.prepareStatement(
                "update large_file set deleted_at = now() where deleted_at is null and account_id ="
                        + " (select id from account where address like 'it.lent@%')")) {
            s.executeUpdate();
        }
        try (Browser browser = new Browser()) {
            browser.signIn("it.lent", password);
            browser.driver().get(Browser.portal() + "/mail/compose.xhtml");
            browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("large-file")));
            jeton = browser.driver().findElement(By.id("large-file")).getAttribute("data-jeton");
            cookie = "JSESSIONID=" + browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        }
    }

    @AfterEach
    void defaultLimits() throws SQLException {
        PortalDatabase.academySetting("mail.large-file.quota-mb", null);
        PortalDatabase.academySetting("mail.large-file.max-concurrent", null);
    }

    @Test
    void slowUploadsHoldNoConnectionAndAreCappedAndAStalledOneIsDropped() throws Exception {
        byte[] content = new byte[120];
        new Random(7).nextBytes(content);
        long slow = begin("lent-" + run + ".bin", content.length);
        long stalled = begin("bloque-" + run + ".bin", 1000);
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (RawChunk a = new RawChunk(slow, content.length); RawChunk b = new RawChunk(stalled, 1000)) {
            a.send(content, 0, 1);
            b.send(new byte[1], 0, 1);
            // The attacker's pace: one byte a second on the first, nothing more on the second.
            AtomicInteger sent = new AtomicInteger(1);
            trickle.scheduleAtFixedRate(() -> {
                if (sent.get() < content.length - 1) {
                    a.send(content, sent.getAndIncrement(), 1);
                }
            }, 1, 1, TimeUnit.SECONDS);

            // A third chunk of the same user, while both hang: refused at once, and the message says the limit.
            HttpResponse<String> refused = thirdChunkUntilRefused();
            assertEquals(429, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("Vous avez déjà 2 dépôts de fichier en cours"), refused.body());

            // Meanwhile no transaction waits on the slow chunks, their rows are not locked, and a page that needs
            // the database answers.
            assertEquals(0, count("select count(*) from pg_stat_activity where state like 'idle in transaction%'"
                    + " and query ilike '%large_file%'"));
            try (Connection c = PortalDatabase.open()) {
                c.setAutoCommit(false);
                try (PreparedStatement s = c.prepareStatement(
                        "select id from large_file where id in (?, ?) for update nowait")) {
                    s.setLong(1, slow);
                    s.setLong(2, stalled);
                    s.executeQuery().close();
                }
                c.rollback();
            }
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(Browser.portal()
                    + "/public/telechargement.xhtml?jeton=" + "x".repeat(43))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, page.statusCode());
            assertTrue(page.body().contains("id=\"link-unknown\""), "the page read the database");

            // The stalled chunk is cut off by the listener's read timeout: its upload is dropped, nothing counted.
            awaitTrue(Duration.ofSeconds(90), () -> count("select count(*) from large_file where id = " + stalled
                    + " and deleted_at is not null") == 1);

            // The slow but live one arrives whole, once.
            trickle.shutdownNow();
            trickle.awaitTermination(10, TimeUnit.SECONDS);
            a.send(content, sent.get(), content.length - sent.get());
            String answer = a.answer();
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            assertTrue(answer.contains("\"recu\":" + content.length), answer);
        } finally {
            trickle.shutdownNow();
        }
        HttpResponse<String> fin = post("etape=fin&id=" + slow, new byte[0], "fr");
        assertEquals(200, fin.statusCode(), fin.body());
        Matcher url = Pattern.compile("\"url\":\"([^\"]+)\"").matcher(fin.body());
        assertTrue(url.find(), fin.body());
        assertEquals(1, count("select count(*) from large_file where file_name = 'lent-" + run + ".bin'"
                + " and complete and size_bytes = " + content.length));
        String token = url.group(1).substring(url.group(1).indexOf("jeton=") + 6);
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(Browser.portal()
                + "/public/telechargement/fichier?jeton=" + token)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(content, download.body());

        // Storage cap: 1 MB in all. The dropped upload counts for nothing: what is left is exactly 1 MB - 120 bytes.
        PortalDatabase.academySetting("mail.large-file.quota-mb", "1");
        HttpResponse<String> over = post("etape=debut&nom=trop.bin&taille=" + (1024 * 1024 - content.length + 1),
                new byte[0], "fr");
        assertEquals(400, over.statusCode(), over.body());
        assertTrue(over.body().contains("ne peuvent pas dépasser 1 Mo au total"), over.body());
        HttpResponse<String> overEn = post("etape=debut&nom=trop.bin&taille=" + (2 * 1024 * 1024), new byte[0], "en");
        assertTrue(overEn.body().contains("may not exceed 1 MB in total"), overEn.body());
        HttpResponse<String> fits = post("etape=debut&nom=juste.bin&taille=" + (1024 * 1024 - content.length),
                new byte[0], "fr");
        assertEquals(200, fits.statusCode(), fits.body());
    }

    private long begin(String name, long size) throws Exception {
        HttpResponse<String> r = post("etape=debut&nom=" + name + "&taille=" + size, new byte[0], "fr");
        assertEquals(200, r.statusCode(), r.body());
        return number(r.body());
    }

    /** A chunk of a new upload, sent whole, until the portal refuses it; each accepted one is cancelled. */
    private HttpResponse<String> thirdChunkUntilRefused() throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            long third = begin("troisieme-" + run + ".bin", 10);
            HttpResponse<String> r = post("etape=morceau&id=" + third + "&position=0", new byte[10], "fr");
            HttpResponse<String> cancelled = post("etape=annuler&id=" + third, new byte[0], "fr");
            if (r.statusCode() != 200 || Instant.now().isAfter(deadline)) {
                assertEquals(200, cancelled.statusCode(), cancelled.body());
                return r;
            }
        }
    }

    private HttpResponse<String> post(String query, byte[] body, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(Browser.portal() + "/mail/grand-fichier?" + query))
                .header("Cookie", cookie).header("X-Preau-Jeton", jeton).header("Accept-Language", language)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long number(String json) {
        Matcher m = NUMBER.matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(2));
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = PortalDatabase.open(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void awaitTrue(Duration limit, Check check) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (!check.holds()) {
            assertTrue(Instant.now().isBefore(deadline), "not within " + limit);
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    /** A chunk request written by hand on a socket, so that its body can arrive as slowly as an attacker wants. */
    private final class RawChunk implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;

        RawChunk(long upload, int length) throws IOException {
            URI portal = URI.create(Browser.portal());
            socket = new Socket(portal.getHost(), portal.getPort());
            out = socket.getOutputStream();
            String head = "POST /mail/grand-fichier?etape=morceau&id=" + upload + "&position=0 HTTP/1.1\r\n"
                    + "Host: " + portal.getHost() + ":" + portal.getPort() + "\r\n"
                    + "Cookie: " + cookie + "\r\nX-Preau-Jeton: " + jeton + "\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: " + length + "\r\n"
                    + "Connection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        synchronized void send(byte[] data, int from, int length) {
            try {
                out.write(data, from, length);
                out.flush();
            } catch (IOException e) {
                throw new IllegalStateException("the portal closed the connection", e);
            }
        }

        /** The whole response, read until the server closes the connection. */
        String answer() throws IOException {
            socket.setSoTimeout(30_000);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
