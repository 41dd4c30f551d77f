package fr.preau.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Fills a mailbox with many messages in one {@code doveadm import} from a generated mbox (about 20 s for 20,000
 * messages on 2 busy cores; IMAP APPEND one by one takes minutes). Runs where the tests run, as root, against the
 * Dovecot of {@code $PREAU_HOME}. Each message is given by the generator as its text with LF line ends (headers, a
 * blank line, the body); a body line starting with "From " is escaped.
 */
public final class MailboxSeeder {
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    private MailboxSeeder() {
    }

    /** One generated message: when it arrived, and its text. */
    public record Generated(ZonedDateTime received, String text) {
    }

    /**
     * Imports {@code count} generated messages into INBOX of {@code address} (whose account row must exist).
     */
    public static void importIntoInbox(String address, int count, IntFunction<Generated> generator)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("preau-seed");
        try {
            Path mbox = dir.resolve("inbox");
            try (BufferedWriter w = Files.newBufferedWriter(mbox, StandardCharsets.UTF_8)) {
                for (int i = 0; i < count; i++) {
                    Generated g = generator.apply(i);
                    w.write("From seed@preau.invalid "
                            + ASCTIME.format(g.received().withZoneSameInstant(ZoneOffset.UTC)) + "\n");
                    for (String line : g.text().split("\n", -1)) {
                        w.write(line.matches(">*From .*") ? ">" + line : line);
                        w.write('\n');
                    }
                    w.write('\n');
                }
            }
            run(List.of("chown", "-R", "vmail:vmail", dir.toString()));
            String conf = TestEnv.get("PREAU_HOME") + "/dovecot/dovecot.conf";
            // No fsync per message: a test mailbox, rebuilt when lost.
            run(List.of("doveadm", "-o", "mail_fsync=never", "-c", conf, "import", "-u", address, "-s",
                    "mbox:" + dir + ":INBOX=" + mbox, "", "all"));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The 20,000-message inbox of the search and export tests and of the benchmark: message {@code i} comes from
     * one of 50 senders, is dated in 2025 (day {@code i % 365}), says "bulletin trimestriel" and carries the unique
     * word {@code lot<i>}.
     */
    public static Generated bulletin(String address, int i) {
        ZonedDateTime date = ZonedDateTime.of(2025, 1, 1, 8, 0, 0, 0, java.time.ZoneId.of("Europe/Paris"))
                .plusDays(i % 365).plusMinutes(i % 600);
        String text = "From: Expediteur " + (i % 50) + " <expediteur" + (i % 50) + "@exemple.fr>\n"
                + "To: " + address + "\n"
                + "Subject: Bulletin trimestriel numero " + i + "\n"
                + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(date) + "\n"
                + "Message-ID: <lot" + i + "@exemple.fr>\n"
                + "MIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=UTF-8\n"
                + "Content-Transfer-Encoding: 8bit\n\n"
                + "Bonjour,\nVoici le bulletin trimestriel de la classe " + (i % 30) + ".\nRéférence lot" + i
                + ".\nCordialement\n";
        return new Generated(date, text);
    }

    /** Seeds {@code count} {@link #bulletin}s into INBOX unless it holds exactly that many already. */
    public static void ensureBulletins(String address, int count) throws Exception {
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            jakarta.mail.Folder inbox = imap.store().getFolder("INBOX");
            inbox.open(jakarta.mail.Folder.READ_ONLY);
            int present = inbox.getMessageCount();
            inbox.close(false);
            if (present == count) {
                return;
            }
            imap.empty("INBOX");
        }
        importIntoInbox(address, count, i -> bulletin(address, i));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
