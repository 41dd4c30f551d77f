package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One visitor of the portal with a plain HTTP client: its cookies, sign-in through Keycloak's login form, and
 * requests an attacker would craft (any header, {@code Host} included, through a raw socket).
 */
final class PortalHttp {
    /**
     * Cookies by name, sent to every host of the test (portal and Keycloak are both on localhost, with different
     * names). Java's CookieManager would not send Keycloak's Secure cookies over http, which a browser does on
     * localhost.
     */
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> setCookies = new ArrayList<>();

    /** A response read from a raw socket. */
    record Raw(int status, Map<String, String> headers, String body) {
    }

    /** Signs in through Keycloak's form and answers the inbox. */
    HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> inbox = signInAnswer(username, password);
        assertEquals(200, inbox.statusCode(), inbox.uri().toString());
        assertTrue(inbox.body().contains("folder-title"), "the inbox after sign-in");
        return inbox;
    }

    /** Signs in on Keycloak's form from the inbox's address; returns the portal's answer after the redirects. */
    HttpResponse<String> signInAnswer(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> login = follow(get(Browser.portal() + "/mail/inbox.xhtml"));
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(login.body());
        assertTrue(action.find(), "Keycloak's login form");
        return follow(post(action.group(1).replace("&amp;", "&"),
                "username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8), null));
    }

    /**
     * What a browser posts with a Faces form besides its fields: the view state, and the nonce of the page's policy
     * that PrimeFaces' CSP mode checks on every postback.
     */
    static String faces(String html, String policy) {
        Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertTrue(state.find(), "a Faces form");
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(String.valueOf(policy));
        assertTrue(nonce.find(), "the page's nonce: " + policy);
        return "&jakarta.faces.ViewState=" + URLEncoder.encode(state.group(1).replace("&#58;", ":"),
                StandardCharsets.UTF_8) + "&primefaces.nonce=" + URLEncoder.encode(nonce.group(1),
                StandardCharsets.UTF_8);
    }

    String cookie(String name) {
        return cookies.getOrDefault(name, "");
    }

    List<String> setCookies() {
        return setCookies;
    }

    HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && current.statusCode() / 100 == 3; hops++) {
            String location = current.headers().firstValue("Location").orElseThrow();
            current = get(current.uri().resolve(location).toString());
        }
        return current;
    }

    HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    HttpResponse<String> post(String url, String form, String origin) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookieHeader());
        }
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            keep(header);
        }
        return response;
    }

    /**
     * A request written by hand on a socket to the portal's port, with this visitor's cookies: Java's HTTP client
     * refuses to send some headers ({@code Host}) that any attacker's tool sends.
     *
     * @param headers extra header lines, {@code Host} included
     */
    Raw raw(String method, String pathAndQuery, Map<String, String> headers, byte[] body) throws IOException {
        URI portal = URI.create(Browser.portal());
        StringBuilder head = new StringBuilder(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n");
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", portal.getHost() + ":" + portal.getPort());
        all.putAll(headers);
        all.put("Connection", "close");
        all.put("Content-Length", String.valueOf(body.length));
        if (!cookies.isEmpty()) {
            all.put("Cookie", cookieHeader());
        }
        all.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket(portal.getHost(), portal.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private Raw parse(byte[] response) throws IOException {
        String text = new String(response, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).strip();
            if ("set-cookie".equals(name)) {
                keep(value);
            }
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        byte[] body = java.util.Arrays.copyOfRange(response, end + 4, response.length);
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            body = unchunk(body);
        }
        return new Raw(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new java.io.ByteArrayInputStream(chunked);
        while (true) {
            StringBuilder size = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                size.append((char) c);
            }
            int n = Integer.parseInt(size.toString().strip().split(";")[0], 16);
            if (n == 0) {
                return out.toByteArray();
            }
            out.write(in.readNBytes(n));
            in.readNBytes(2);
        }
    }

    private String cookieHeader() {
        return cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    private void keep(String header) {
        setCookies.add(header);
        String pair = header.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq).strip();
        String value = pair.substring(eq + 1).strip();
        if (value.isEmpty() || header.toLowerCase(Locale.ROOT).contains("max-age=0")) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }
}
