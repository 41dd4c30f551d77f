package fr.preau.testing;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;

import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;

/**
 * Seeds a large mailbox fast, for list, search and benchmark tests: French senders, subjects with accents, sizes
 * from a few hundred bytes to ~30 kB, dates spread over two school years, a third unread, some flagged. Messages
 * go in through Dovecot's master user with MULTIAPPEND and LITERAL+ (hundreds of messages per command, no round
 * trip per message): 20,000 messages take seconds, not minutes. The content is a pure function of the seed, so a
 * test can rebuild what it expects with {@link #message(long, int)}.
 */
public final class BigMailbox {
    /** Messages per APPEND command. */
    private static final int BATCH = 500;
    private static final String[] FIRST = {"Marie", "Jean", "Sophie", "Luc", "Nadia", "Élise", "François", "Chloé",
        "Théo", "Inès", "Gaël", "Zoé", "Hélène", "Jérôme", "Noël", "Aïcha", "Benoît", "Cécile", "Dorothée", "Émile"};
    private static final String[] LAST = {"Dupont", "Martin", "Bernard", "Moreau", "Haddad", "Lefèvre", "Girard",
        "Bonnet", "Mercier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin",
        "Morin", "Mathieu"};
    private static final String[] TOPICS = {"Conseil de classe", "Réunion pédagogique", "Sortie scolaire",
        "Emploi du temps", "Élection des délégués", "Bulletin trimestriel", "Formation continue", "Épreuves du bac",
        "Journée portes ouvertes", "Échange linguistique", "Cantine et demi-pension", "Absences élèves",
        "Orientation en 3e", "Projet d'établissement", "Clôture des notes", "Évaluations nationales",
        "Voyage à Séville", "Café pédagogique", "Équipe éducative", "Aide aux devoirs"};
    private static final String FILLER = "Bonjour à toutes et à tous, voici les informations prévues pour la "
            + "semaine prochaine ; merci de les transmettre aux équipes concernées. ";
    private static final DateTimeFormatter INTERNAL = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss Z",
            Locale.ENGLISH);
    private static final DateTimeFormatter RFC822 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z",
            Locale.ENGLISH);
    private static final ZonedDateTime START = ZonedDateTime.of(2024, 9, 2, 8, 0, 0, 0, ZoneOffset.UTC);

    private BigMailbox() {
    }

    /** One generated message: who, what, when, how big, its flags. */
    public record Seeded(String fromName, String fromAddress, String subject, ZonedDateTime date, boolean seen,
            boolean flagged, byte[] raw) {
    }

    /** The {@code i}-th message of the mailbox seeded with {@code seed}. */
    public static Seeded message(long seed, int i) {
        Random r = new Random(seed * 1_000_003L + i);
        String first = FIRST[r.nextInt(FIRST.length)];
        String last = LAST[r.nextInt(LAST.length)];
        String fromName = first + " " + last;
        String fromAddress = ascii(first + "." + last) + "@" + domain();
        String subject = TOPICS[r.nextInt(TOPICS.length)] + " n° " + (i + 1);
        ZonedDateTime date = START.plusMinutes(r.nextInt(2 * 365 * 24 * 60));
        boolean seen = r.nextInt(3) != 0;
        boolean flagged = r.nextInt(20) == 0;
        int paragraphs = 1 + (r.nextInt(10) == 0 ? r.nextInt(200) : r.nextInt(8));
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < paragraphs; p++) {
            body.append(FILLER).append(p).append("\r\n");
        }
        String text = "From: =?UTF-8?B?" + b64(fromName) + "?= <" + fromAddress + ">\r\n"
                + "To: <boite@" + domain() + ">\r\n"
                + "Subject: =?UTF-8?B?" + b64(subject) + "?=\r\n"
                + "Date: " + RFC822.format(date) + "\r\n"
                + "Message-ID: <seed-" + seed + "-" + i + "@preau.test>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n" + body;
        return new Seeded(fromName, fromAddress, subject, date, seen, flagged,
                text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Appends {@code count} generated messages to {@code folder} of {@code address} (the folder must exist).
     *
     * @return the elapsed time in milliseconds
     */
    public static long seed(String address, String folder, int count, long seed) throws IOException {
        long started = System.nanoTime();
        try (Socket socket = new Socket(TestEnv.get("PREAU_IMAP_HOST"), TestEnv.port("PREAU_IMAP_PORT"))) {
            socket.setSoTimeout(120_000);
            InputStream in = socket.getInputStream();
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            readLine(in);
            command(in, out, "L", ("LOGIN " + quote(address + "*" + TestEnv.get("PREAU_MASTER_USER")) + " "
                    + quote(TestEnv.get("PREAU_MASTER_PASSWORD"))).getBytes(StandardCharsets.UTF_8));
            String mailbox = quote(BASE64MailboxEncoder.encode(folder));
            for (int start = 0, tag = 0; start < count; start += BATCH, tag++) {
                ByteArrayOutputStream cmd = new ByteArrayOutputStream();
                cmd.writeBytes(("APPEND " + mailbox).getBytes(StandardCharsets.US_ASCII));
                for (int i = start; i < Math.min(count, start + BATCH); i++) {
                    Seeded m = message(seed, i);
                    String flags = (m.seen() ? "\\Seen" : "")
                            + (m.flagged() ? (m.seen() ? " " : "") + "\\Flagged" : "");
                    cmd.writeBytes((" (" + flags + ") \"" + INTERNAL.format(m.date()) + "\" {" + m.raw().length
                            + "+}\r\n").getBytes(StandardCharsets.US_ASCII));
                    cmd.writeBytes(m.raw());
                }
                command(in, out, "A" + tag, cmd.toByteArray());
            }
            command(in, out, "Z", "LOGOUT".getBytes(StandardCharsets.US_ASCII));
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static void command(InputStream in, OutputStream out, String tag, byte[] command) throws IOException {
        out.write((tag + " ").getBytes(StandardCharsets.US_ASCII));
        out.write(command);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        while (true) {
            String line = readLine(in);
            if (line.startsWith(tag + " ")) {
                if (!line.startsWith(tag + " OK")) {
                    throw new IOException("IMAP refused " + tag + ": " + line);
                }
                return;
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        if (b == -1) {
            throw new IOException("IMAP connection closed");
        }
        return line.toString(StandardCharsets.UTF_8).trim();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    private static String domain() {
        return TestEnv.domain();
    }
}
