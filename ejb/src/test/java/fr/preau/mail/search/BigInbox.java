package fr.preau.mail.search;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import fr.preau.testing.ImapProbe;
import fr.preau.testing.MailboxSeeder;
import jakarta.mail.Folder;

/**
 * A 20,000-message INBOX for the search and export tests, seeded once (kept between runs: seeding again only when
 * the count differs). Message {@code i} comes from one of 50 senders, is dated in 2025 (day {@code i % 365}), says
 * "bulletin trimestriel" and carries the unique word {@code lot<i>}.
 */
final class BigInbox {
    static final int SIZE = 20_000;

    private BigInbox() {
    }

    static void ensure(String address) throws Exception {
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            Folder inbox = imap.store().getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int count = inbox.getMessageCount();
            inbox.close(false);
            if (count == SIZE) {
                return;
            }
            imap.empty("INBOX");
        }
        MailboxSeeder.importIntoInbox(address, SIZE, i -> {
            ZonedDateTime date = ZonedDateTime.of(2025, 1, 1, 8, 0, 0, 0, ZoneId.of("Europe/Paris"))
                    .plusDays(i % 365).plusMinutes(i % 600);
            String text = "From: Expediteur " + (i % 50) + " <expediteur" + (i % 50) + "@exemple.fr>\n"
                    + "To: " + address + "\n"
                    + "Subject: Bulletin trimestriel numero " + i + "\n"
                    + "Date: " + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(date) + "\n"
                    + "Message-ID: <lot" + i + "@exemple.fr>\n"
                    + "MIME-Version: 1.0\n"
                    + "Content-Type: text/plain; charset=UTF-8\n"
                    + "Content-Transfer-Encoding: 8bit\n\n"
                    + "Bonjour,\nVoici le bulletin trimestriel de la classe " + (i % 30) + ".\nRéférence lot" + i
                    + ".\nCordialement\n";
            return new MailboxSeeder.Generated(date, text);
        });
    }
}
