package fr.preau.portal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.preau.testing.MailboxSeeder;
import fr.preau.testing.TestEnv;
import fr.preau.testing.TestUser;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.BodyTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.openqa.selenium.Cookie;

/**
 * The benchmark (run on demand by {@code bin/preau bench}, never by the test suite): on a 20,000-message inbox, the
 * portal's first page, opening a message and a search, each next to the raw IMAP time of the same operation against
 * the same Dovecot (the floor), written to {@code docs/benchmarks.md}. The portal is measured over HTTP as a signed-in
 * browser uses it (full page GET, the AJAX request of a row click).
 */
public final class PortalBench {
    /** Timed runs per operation (system property {@code preau.bench.runs}, for a profiler to watch longer). */
    private static final int RUNS = Integer.getInteger("preau.bench.runs", 15);
    /** Untimed runs first: a portal in service has its code compiled and its caches warm. */
    private static final int WARMUP = Integer.getInteger("preau.bench.warmup", 100);
    /** The hand-written part of the report, kept from one run to the next. */
    private static final String NOTES = "\n## Reading these numbers";
    private static final int SIZE = 20_000;
    private static final Pattern ROW_KEY = Pattern.compile("data-rk=\"([0-9]+:[0-9]+)\"");

    private static int opened;
    private static int searched;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String cookie;

    private PortalBench() {
    }

    public static void main(String[] args) throws Exception {
        new PortalBench().run(Path.of(args.length > 0 ? args[0] : "docs/benchmarks.md"));
    }

    private void run(Path report) throws Exception {
        String username = "bench.lecture";
        String password = "Banc-d-essai-" + UUID.randomUUID().toString().substring(0, 8) + "-7!";
        String address = TestUser.create(username, "Banc", "Essai", password, false);
        long seedStart = System.nanoTime();
        MailboxSeeder.ensureBulletins(address, SIZE);
        log("mailbox ready in " + ms(System.nanoTime() - seedStart) + " ms");
        try (Browser browser = new Browser()) {
            browser.signIn(username, password);
            Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
            cookie = session.getName() + "=" + session.getValue();
        }
        String portal = Browser.portal();

        // The first search builds the index of the whole mailbox: its cost, once.
        clearIndex(address);
        long indexStart = System.nanoTime();
        get(portal + "/mail/search.xhtml?q=lot1");
        long indexMs = ms(System.nanoTime() - indexStart);
        String[] disk = indexDisk(address);

        for (int i = 0; i < 3; i++) {
            get(portal + "/mail/inbox.xhtml");
        }
        Map<String, double[]> portalTimes = new LinkedHashMap<>();
        portalTimes.put("page", time(() -> requireContains(get(portal + "/mail/inbox.xhtml"),
                "Bulletin trimestriel")));
        String page = get(portal + "/mail/inbox.xhtml");
        List<String> rows = all(ROW_KEY, page);
        int[] next = {0};
        portalTimes.put("open", time(() -> requireContains(get(portal + "/mail/inbox.xhtml?dossier=INBOX&message="
                + rows.get(next[0]++ % rows.size())), "message-body")));
        int[] word = {0};
        portalTimes.put("search", time(() -> requireContains(get(portal + "/mail/search.xhtml?q=lot"
                + ((1000 + 997 * word[0]++) % (SIZE - 1) + 1)), "search-hit-link")));

        Map<String, double[]> floorCold = new LinkedHashMap<>();
        Map<String, double[]> floorWarm = new LinkedHashMap<>();
        Session mailSession = Session.getInstance(new Properties());
        floorCold.put("page", time(() -> withStore(mailSession, address, PortalBench::firstPage)));
        floorCold.put("open", time(() -> withStore(mailSession, address, store -> {
            firstPage(store);
            openOne(store);
        })));
        floorCold.put("search", time(() -> withStore(mailSession, address, PortalBench::searchEveryFolder)));
        try (Store store = login(mailSession, address)) {
            floorWarm.put("page", time(() -> firstPage(store)));
            floorWarm.put("open", time(() -> {
                firstPage(store);
                openOne(store);
            }));
            floorWarm.put("search", time(() -> searchEveryFolder(store)));
        }
        String text = render(portalTimes, floorCold, floorWarm, indexMs, disk);
        if (Files.exists(report)) {
            String old = Files.readString(report);
            int notes = old.indexOf(NOTES);
            if (notes >= 0) {
                text += old.substring(notes);
            }
        }
        Files.writeString(report, text);
        log("written to " + report + "\n" + text);
    }

    private static String render(Map<String, double[]> portal, Map<String, double[]> cold,
            Map<String, double[]> warm, long indexMs, String[] disk) throws Exception {
        Map<String, String> names = Map.of("page", "First page of the 20,000-message inbox (50 rows)",
                "open", "Opening a message (with its page)", "search", "Search across every folder (one word)");
        Map<String, String> portalWhat = Map.of(
                "page", "GET `/mail/inbox.xhtml`: folder list with counts, first page, whole HTML page",
                "open", "GET `/mail/inbox.xhtml?dossier=INBOX&message=…` (a search result or a link): the first page"
                        + " with that message open, whole HTML page",
                "search", "GET `/mail/search.xhtml?q=lot…`: index brought up to date from IMAP, query, whole page");
        Map<String, String> floorWhat = Map.of(
                "page", "SELECT INBOX, FETCH ENVELOPE FLAGS UID RFC822.SIZE of the last 50",
                "open", "the first page's IMAP work, then SELECT INBOX and FETCH BODY[] of one of its messages",
                "search", "SELECT + SEARCH BODY of each folder (Dovecot without FTS)");
        StringBuilder b = new StringBuilder();
        b.append("# Benchmarks\n\n")
                .append("Written by `bin/preau bench` (`fr.preau.portal.PortalBench`, ear test classes); not part of ")
                .append("`bin/preau test`. Measured ").append(Instant.now().toString(), 0, 16).append(" UTC on ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, load average ")
                .append(Files.readString(Path.of("/proc/loadavg")).split(" ")[0])
                .append(".\n\n")
                .append("Median and 90th percentile of ").append(RUNS).append(" runs after ").append(WARMUP)
                .append(" untimed ones, in milliseconds. The floor is ")
                .append("a plain Jakarta Mail client doing the same IMAP work against the same Dovecot: *cold* ")
                .append("signs in for each operation (as the portal does, master user), *warm* reuses one ")
                .append("signed-in connection.\n\n")
                .append("| operation | portal median | portal p90 | floor cold | floor warm | portal / cold floor |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        for (String op : List.of("page", "open", "search")) {
            double[] p = portal.get(op);
            double[] c = cold.get(op);
            double[] w = warm.get(op);
            b.append(String.format(java.util.Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %.1f× |%n",
                    names.get(op), p[0], p[1], c[0], w[0], p[0] / c[0]));
        }
        b.append("\nWhat each line measures:\n\n");
        for (String op : List.of("page", "open", "search")) {
            b.append("- ").append(names.get(op)).append(": portal = ").append(portalWhat.get(op))
                    .append("; floor = ").append(floorWhat.get(op)).append(".\n");
        }
        b.append("\nSearch index (ADR 0030): building it for the 20,000 messages took ").append(indexMs)
                .append(" ms (first search of the mailbox); the index holds ").append(disk[0])
                .append(" rows in ").append(disk[1]).append(" (table and indexes, every mailbox of this stack), the")
                .append(" mailbox itself ").append(disk[2]).append(".\n");
        return b.toString();
    }

    private interface Op {
        void run() throws Exception;
    }

    private interface StoreOp {
        void run(Store store) throws Exception;
    }

    private static double[] time(Op op) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            op.run();
        }
        double[] samples = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            op.run();
            samples[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(samples);
        return new double[] {samples[RUNS / 2], samples[(int) Math.ceil(RUNS * 0.9) - 1]};
    }

    private static Store login(Session session, String address) throws Exception {
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", TestEnv.port("PREAU_IMAP_PORT"),
                address + "*" + TestEnv.get("PREAU_MASTER_USER"), TestEnv.get("PREAU_MASTER_PASSWORD"));
        return store;
    }

    private static void withStore(Session session, String address, StoreOp op) throws Exception {
        try (Store store = login(session, address)) {
            op.run(store);
        }
    }

    private static void firstPage(Store store) throws Exception {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        int total = inbox.getMessageCount();
        Message[] last = inbox.getMessages(Math.max(1, total - 49), total);
        FetchProfile fp = new FetchProfile();
        fp.add(FetchProfile.Item.ENVELOPE);
        fp.add(FetchProfile.Item.FLAGS);
        fp.add(FetchProfile.Item.SIZE);
        fp.add(UIDFolder.FetchProfileItem.UID);
        inbox.fetch(last, fp);
        inbox.close(false);
    }

    private static void openOne(Store store) throws Exception {
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        Message m = inbox.getMessage(inbox.getMessageCount() - (opened++ % 50));
        m.getContent();
        inbox.close(false);
    }

    private static void searchEveryFolder(Store store) throws Exception {
        String word = "lot" + ((1000 + 997 * searched++) % (SIZE - 1) + 1);
        for (Folder f : store.getDefaultFolder().list("*")) {
            if ((f.getType() & Folder.HOLDS_MESSAGES) == 0) {
                continue;
            }
            f.open(Folder.READ_ONLY);
            f.search(new BodyTerm(word));
            f.close(false);
        }
    }

    private String get(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return r.body();
    }

    private static void requireContains(String body, String marker) {
        if (!body.contains(marker)) {
            throw new IllegalStateException("The portal did not answer as expected (no " + marker + "): "
                    + body.substring(0, Math.min(400, body.length())));
        }
    }

    private static List<String> all(Pattern p, String text) {
        List<String> result = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            result.add(m.group(1));
        }
        return result;
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(TestEnv.get("PREAU_DB_URL"), TestEnv.get("PREAU_DB_USER"),
                TestEnv.get("PREAU_DB_PASSWORD"));
    }

    private static void clearIndex(String address) throws Exception {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                "delete from mail_search_folder where mailbox = ?; ")) {
            s.setString(1, address);
            s.executeUpdate();
        }
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                "delete from mail_search_message where mailbox = ?")) {
            s.setString(1, address);
            s.executeUpdate();
        }
    }

    private static String[] indexDisk(String address) throws Exception {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("select count(*),"
                + " pg_size_pretty(pg_total_relation_size('mail_search_message')) from mail_search_message");
                ResultSet r = s.executeQuery()) {
            r.next();
            String home = TestEnv.get("PREAU_HOME") + "/mail/" + address.substring(address.indexOf('@') + 1) + "/"
                    + address.substring(0, address.indexOf('@'));
            Process du = new ProcessBuilder("du", "-sh", home).start();
            String size = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\\s")[0];
            du.waitFor();
            return new String[] {String.valueOf(r.getLong(1)), r.getString(2),
                size + " on disk (Maildir + Dovecot indexes)"};
        }
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static void log(String text) {
        System.out.println("bench: " + text);
    }
}
