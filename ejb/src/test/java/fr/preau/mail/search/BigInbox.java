package fr.preau.mail.search;

import fr.preau.testing.MailboxSeeder;

/**
 * The 20,000-message INBOX of the search and export tests ({@link MailboxSeeder#bulletin}), seeded once and kept
 * between runs.
 */
final class BigInbox {
    static final int SIZE = 20_000;

    private BigInbox() {
    }

    static void ensure(String address) throws Exception {
        MailboxSeeder.ensureBulletins(address, SIZE);
    }
}
