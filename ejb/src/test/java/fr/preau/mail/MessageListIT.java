package fr.preau.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;

import fr.preau.testing.BigMailbox;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.ItArchive;
import fr.preau.testing.TestEnv;
import jakarta.ejb.EJB;
import jakarta.mail.Folder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sorting and paging of a 20,000-message folder seeded with {@link BigMailbox}: every order the list offers, in
 * both directions, follows on across pages, and the pages cut the folder without gap or overlap.
 */
@ExtendWith(ArquillianExtension.class)
class MessageListIT {
    static final int SIZE = 20_000;
    static final long SEED = 20_26L;
    private static final String FOLDER = "Grand volume";
    private static final Logger LOG = Logger.getLogger(MessageListIT.class.getName());

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("list-it.war");
    }

    @EJB
    private AsListUser user;

    @EJB
    private MessageActionService actions;

    @EJB
    private MailFixture fixture;

    private final FolderPath folder = new FolderPath(FOLDER);

    /** Seeds the folder once; later runs find it complete (the content is a function of the seed). */
    @BeforeEach
    void bigFolder() throws Exception {
        String address = AsListUser.USERNAME + "@" + TestEnv.domain();
        fixture.ensureAccount(AsListUser.USERNAME, address, "Lina Liste");
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            Folder f = imap.store().getFolder(FOLDER);
            if (f.exists() && f.getMessageCount() == SIZE) {
                return;
            }
            if (f.exists()) {
                f.delete(true);
            }
            f.create(Folder.HOLDS_MESSAGES);
        }
        long ms = BigMailbox.seed(address, FOLDER, SIZE, SEED);
        LOG.info("Seeded " + SIZE + " messages in " + ms + " ms");
    }

    @Test
    void newestFirstByDefaultAndOldestFirstWhenAsked() throws Exception {
        Instant newest = Instant.MIN;
        Instant oldest = Instant.MAX;
        for (int i = 0; i < SIZE; i++) {
            Instant d = BigMailbox.message(SEED, i).date().toInstant();
            newest = d.isAfter(newest) ? d : newest;
            oldest = d.isBefore(oldest) ? d : oldest;
        }
        ListPage first = page(MessageSort.DATE, true, 0, 50);
        assertEquals(SIZE, first.total());
        assertEquals(50, first.rows().size());
        assertEquals(newest, first.rows().get(0).summary().date());
        assertEquals(oldest, page(MessageSort.DATE, false, 0, 50).rows().get(0).summary().date());
        assertEquals(oldest, page(MessageSort.DATE, true, SIZE - 1, 50).rows().get(0).summary().date());
        assertOrdered(MessageSort.DATE, true, m -> m.summary().date());
        assertOrdered(MessageSort.DATE, false, m -> m.summary().date());
    }

    @Test
    void bySizeSenderAndSubjectInBothDirections() throws Exception {
        assertOrdered(MessageSort.SIZE, false, m -> m.summary().size());
        assertOrdered(MessageSort.SIZE, true, m -> m.summary().size());
        assertOrdered(MessageSort.SUBJECT, false, m -> key(m.summary().subject()));
        assertOrdered(MessageSort.SUBJECT, true, m -> key(m.summary().subject()));
        assertOrdered(MessageSort.FROM, false, m -> key(m.summary().from().personal()));
        assertOrdered(MessageSort.FROM, true, m -> key(m.summary().from().personal()));
        ListPage biggest = page(MessageSort.SIZE, true, 0, 1);
        ListPage smallest = page(MessageSort.SIZE, false, 0, 1);
        assertTrue(biggest.rows().get(0).summary().size() > 20 * smallest.rows().get(0).summary().size(),
                "sizes vary: " + biggest + " / " + smallest);
    }

    @Test
    void pagesCutTheFolderWithoutGapOrOverlap() throws Exception {
        List<MessageUid> oneGo = uids(page(MessageSort.SUBJECT, false, 1000, 200));
        List<MessageUid> byPages = new java.util.ArrayList<>();
        for (int offset = 1000; offset < 1200; offset += 50) {
            byPages.addAll(uids(page(MessageSort.SUBJECT, false, offset, 50)));
        }
        assertEquals(oneGo, byPages);
        assertEquals(200, new HashSet<>(byPages).size());
        assertEquals(50, page(MessageSort.DATE, true, SIZE - 50, 50).rows().size());
        assertEquals(7, page(MessageSort.DATE, true, SIZE - 7, 50).rows().size());
        ListPage beyond = page(MessageSort.DATE, true, SIZE, 50);
        assertEquals(SIZE, beyond.total());
        assertTrue(beyond.rows().isEmpty());
    }

    /** Three pages in a row, at the start and deep in the folder, follow the order across page boundaries. */
    private <T extends Comparable<T>> void assertOrdered(MessageSort sort, boolean descending,
            Function<ListedMessage, T> value) throws Exception {
        for (int start : new int[] {0, 12_000}) {
            Set<MessageUid> seen = new HashSet<>();
            T previous = null;
            for (int p = 0; p < 3; p++) {
                for (ListedMessage m : page(sort, descending, start + p * 50, 50).rows()) {
                    T current = value.apply(m);
                    if (previous != null) {
                        int c = previous.compareTo(current);
                        assertTrue(descending ? c >= 0 : c <= 0,
                                sort + (descending ? " desc" : " asc") + ": " + previous + " then " + current);
                    }
                    assertTrue(seen.add(m.summary().uid()), "each message once");
                    previous = current;
                }
            }
            assertEquals(150, seen.size());
        }
    }

    private ListPage page(MessageSort sort, boolean descending, int offset, int limit) throws Exception {
        return user.call(() -> actions.page(folder, sort, descending, offset, limit));
    }

    private static List<MessageUid> uids(ListPage page) {
        return page.rows().stream().map(r -> r.summary().uid()).toList();
    }

    /** What i;unicode-casemap compares, near enough for these subjects: upper case, decomposed (É sorts after EZ). */
    private static String key(String s) {
        return Normalizer.normalize(s.toUpperCase(Locale.ROOT), Normalizer.Form.NFD);
    }
}
