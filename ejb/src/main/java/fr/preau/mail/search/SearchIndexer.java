package fr.preau.mail.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

import fr.preau.mail.FolderInfo;
import fr.preau.mail.FolderMark;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxChanges;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.MessageText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Brings the search index of a mailbox up to date (ADR 0030): the mailbox tells what changed since the marks the
 * index keeps ({@link Mailbox#catchUp}), and each message's words are folded ({@link Folding}) into its row.
 */
@ApplicationScoped
public class SearchIndexer {
    private static final int MAX_BODY_CHARS = 100_000;

    @Inject
    private Mailbox mailbox;

    @Inject
    private SearchIndex index;

    /** One indexer at a time per mailbox: a second caller waits, then finds little or nothing left to do. */
    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /**
     * Updates the index of the mailbox.
     *
     * @return the folder tree with its counts, as listed for the update (the search page shows it)
     */
    public List<FolderInfo> sync(MailboxContext ctx) {
        String owner = ctx.owner().address();
        ReentrantLock lock = locks.computeIfAbsent(owner, k -> new ReentrantLock());
        lock.lock();
        try {
            return mailbox.catchUp(ctx, new IndexChanges(owner));
        } finally {
            lock.unlock();
        }
    }

    /** The index's side of a catch-up, for one mailbox. */
    private final class IndexChanges implements MailboxChanges {
        private final String owner;

        IndexChanges(String owner) {
            this.owner = owner;
        }

        @Override
        public Map<String, FolderMark> marks() {
            return index.folders(owner);
        }

        @Override
        public void reset(String folder, long uidValidity) {
            index.resetFolder(owner, folder, uidValidity);
        }

        @Override
        public void added(String folder, long uidValidity, List<MessageText> batch, long uidNext) {
            List<IndexedMessage> rows = new ArrayList<>(batch.size());
            for (MessageText m : batch) {
                rows.add(indexed(folder, uidValidity, m));
            }
            index.add(owner, rows);
            index.indexedUpTo(owner, folder, uidNext);
        }

        @Override
        public void retainOnly(String folder, long[] uids) {
            index.retainOnly(owner, folder, uids);
        }

        @Override
        public void gone(String folder) {
            index.dropFolder(owner, folder);
        }
    }

    static IndexedMessage indexed(String folder, long uidValidity, MessageText m) {
        String bodyWords = Folding.fold(m.text());
        if (bodyWords.length() > MAX_BODY_CHARS) {
            bodyWords = bodyWords.substring(0, MAX_BODY_CHARS);
        }
        return new IndexedMessage(folder, m.uid(), uidValidity, m.date(), m.fromLabel(), m.subject(), m.size(),
                !m.attachments().isEmpty(), Folding.fold(m.from()), Folding.fold(m.recipients()),
                Folding.fold(m.subject()), bodyWords, Folding.fold(String.join(" ", m.attachments())));
    }
}
