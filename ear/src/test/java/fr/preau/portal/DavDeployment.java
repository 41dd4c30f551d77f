package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.codec.digest.Sha2Crypt;

/**
 * What the DAV tests share (CardDAV, CalDAV; docs/adr/0102, 0107): crafted HTTP requests with Basic credentials,
 * app passwords seeded as the portal makes them, reading the database, and Debian's vdirsyncer run on a config.
 */
abstract class DavDeployment extends PortalDeployment {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** The sync token at the end of a sync-collection answer. */
    static String syncToken(String multistatus) {
        Matcher m = Pattern.compile("<d:sync-token>([^<]+)</d:sync-token>\\s*</d:multistatus>").matcher(multistatus);
        assertTrue(m.find(), multistatus);
        return m.group(1);
    }

    /** Deletes a temporary folder and what it holds. */
    static void remove(Path dir) throws IOException {
        try (Stream<Path> left = Files.walk(dir)) {
            for (Path f : left.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    static String storage(String name, String body) {
        return "[storage " + name + "]\n" + body + "\n\n";
    }

    /** Runs vdirsyncer to its end; it must succeed. Its output is in the failure message. */
    static void vdirsyncer(Path config, String command) throws Exception {
        Path out = Files.createTempFile(config.getParent(), "vdirsyncer-", ".log");
        Path yes = Files.writeString(config.getParent().resolve("yes"), "y\ny\ny\ny\n");
        Process p = new ProcessBuilder("vdirsyncer", "-c", config.toString(), command)
                .redirectErrorStream(true).redirectOutput(out.toFile()).redirectInput(yes.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "vdirsyncer " + command + " ended");
        String log = Files.readString(out);
        assertEquals(0, p.exitValue(), "vdirsyncer " + command + ":\n" + log);
        assertFalse(log.contains("error:"), "vdirsyncer " + command + ":\n" + log);
    }

    /** The files of a folder with their contents, by name. */
    static List<String> snapshot(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> all = new ArrayList<>();
            for (Path f : files.sorted().toList()) {
                all.add(f.getFileName() + "\n" + Files.readString(f));
            }
            return all;
        }
    }

    static String basic(String login, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((login + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** A PUT of {@code body} as {@code type}, with more headers. */
    HttpResponse<String> upload(String type, String path, String authorization, String body, String... headers)
            throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = type;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("PUT", path, authorization, body, all);
    }

    HttpResponse<String> send(String method, String path, String authorization, String body,
            String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Browser.portal() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (body != null && !List.of(headers).contains("Content-Type")) {
            b.header("Content-Type", "application/xml; charset=utf-8");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An app password of the account, made as the portal makes them (ADR 0070): selector and SHA512-CRYPT. */
    static String appPassword(long account) throws Exception {
        String selector = UUID.randomUUID().toString().replaceAll("[^a-z0-9]", "").substring(0, 6);
        String secret = selector + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 18);
        try (Connection c = PortalDatabase.open(); PreparedStatement s = c.prepareStatement("insert into"
                + " app_password (account_id, name, selector, hash) values (?, ?, ?, ?)")) {
            s.setLong(1, account);
            s.setString(2, "vdirsyncer " + selector);
            s.setString(3, selector);
            s.setString(4, "{SHA512-CRYPT}" + Sha2Crypt.sha512Crypt(secret.getBytes(StandardCharsets.UTF_8)));
            s.executeUpdate();
        }
        return secret;
    }

    static long number(String sql, Object value) throws Exception {
        String v = text(sql, value);
        assertNotNull(v, sql);
        return Long.parseLong(v);
    }

    static String text(String sql, Object value) throws Exception {
        try (Connection c = PortalDatabase.open(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, value);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
