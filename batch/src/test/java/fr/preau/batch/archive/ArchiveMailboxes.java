package fr.preau.batch.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.preau.testing.BigMailbox;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.TestEnv;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/**
 * Mailboxes of the archiving tests: mail seeded with {@link BigMailbox} and read back by Message-ID with a plain IMAP
 * client, as from outside the portal.
 */
final class ArchiveMailboxes {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private ArchiveMailboxes() {
    }

    static String address(String username) {
        return username + "@" + TestEnv.domain();
    }

    /** INBOX and Envoyés emptied, the year folders under Archives deleted. */
    static void reset(String address) throws MessagingException {
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            imap.empty("INBOX");
            imap.empty("Envoyés");
            for (Folder year : imap.store().getFolder("Archives").list()) {
                year.delete(true);
            }
        }
    }

    /** Every Message-ID of the mailbox with the folders it is in (a message twice shows two folders). */
    static Map<String, List<String>> whereIs(String address) throws MessagingException {
        Map<String, List<String>> where = new HashMap<>();
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            for (Folder folder : imap.store().getDefaultFolder().list("*")) {
                if ((folder.getType() & Folder.HOLDS_MESSAGES) == 0) {
                    continue;
                }
                folder.open(Folder.READ_ONLY);
                try {
                    Message[] all = folder.getMessages();
                    FetchProfile profile = new FetchProfile();
                    profile.add("Message-ID");
                    folder.fetch(all, profile);
                    for (Message m : all) {
                        String[] id = m.getHeader("Message-ID");
                        where.computeIfAbsent(id == null ? "?" : id[0], k -> new ArrayList<>())
                                .add(folder.getFullName());
                    }
                } finally {
                    folder.close(false);
                }
            }
        }
        return where;
    }

    /**
     * Where the {@code i}-th message seeded into {@code folder} with {@code seed} belongs after archiving with this
     * cutoff: its folder, or {@code Archives/<year in Paris>} when its date is before the cutoff.
     */
    static String expectedFolder(long seed, int i, String folder, LocalDate cutoff) {
        BigMailbox.Seeded m = BigMailbox.message(seed, i);
        return m.date().toLocalDate().isBefore(cutoff) ? "Archives/" + m.date().withZoneSameInstant(PARIS).getYear()
                : folder;
    }

    static String messageId(long seed, int i) {
        return "<seed-" + seed + "-" + i + "@preau.test>";
    }

    /** Makes the mailbox's INBOX unreadable for Dovecot (its Maildir {@code cur}), or readable again. */
    static void breakInbox(String username, boolean broken) throws Exception {
        Path cur = Path.of(TestEnv.get("PREAU_HOME"), "mail", TestEnv.domain(), username, "Maildir", "cur");
        if (!broken && !Files.exists(cur)) {
            return;
        }
        Files.setPosixFilePermissions(cur, PosixFilePermissions.fromString(broken ? "---------" : "rwx------"));
    }

    /** {@code reserveName} holds the seeded messages (seeded the first time only); INBOX gets a copy of them. */
    static void refill(String address, String reserveName, int count, long seed) throws Exception {
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            Folder reserve = imap.store().getFolder(reserveName);
            if (!reserve.exists()) {
                reserve.create(Folder.HOLDS_MESSAGES);
            }
            if (reserve.getMessageCount() != count) {
                imap.empty(reserveName);
                BigMailbox.seed(address, reserveName, count, seed);
            }
            reserve.open(Folder.READ_ONLY);
            try {
                reserve.copyMessages(reserve.getMessages(), imap.store().getFolder("INBOX"));
            } finally {
                reserve.close(false);
            }
        }
    }

    /**
     * Checks that each message seeded into the reserve of these accounts (seeds {@code seed}, {@code seed + 1} …) is
     * exactly once outside the reserve, in its year's archive when dated before {@code cutoff}, else in INBOX.
     *
     * @return how many are archived
     */
    static int assertEachOnce(List<String> addresses, long seed, int count, String reserveName, LocalDate cutoff)
            throws MessagingException {
        List<String> wrong = new ArrayList<>();
        int archived = 0;
        for (int k = 0; k < addresses.size(); k++) {
            Map<String, List<String>> where = whereIs(addresses.get(k));
            for (int i = 0; i < count; i++) {
                String expected = expectedFolder(seed + k, i, "INBOX", cutoff);
                List<String> found = new ArrayList<>(where.getOrDefault(messageId(seed + k, i), List.of()));
                found.remove(reserveName);
                if (!found.equals(List.of(expected))) {
                    wrong.add(addresses.get(k) + " " + i + ": " + found + " instead of " + expected);
                }
                archived += expected.equals("INBOX") ? 0 : 1;
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(wrong.isEmpty(), wrong.size()
                + " message(s) not exactly once where expected: " + wrong.subList(0, Math.min(10, wrong.size())));
        return archived;
    }
}
