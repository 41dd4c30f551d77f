package fr.preau.batch.archive;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

import fr.preau.mail.archive.ArchivePolicy;
import fr.preau.mail.archive.MailArchiving;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Reads the accounts of one partition in address order, a page at a time, leaving out those whose policy is 0.
 * Its checkpoint is the address of the last account of the last committed chunk: a restart goes on after it.
 */
@Named
@Dependent
public class MailboxReader extends AbstractItemReader {
    private static final int PAGE = 200;

    @EJB
    private MailArchiving archiving;

    @Inject
    @BatchProperty
    private String partition;

    @Inject
    @BatchProperty
    private String partitions;

    /** SQL LIKE pattern of the addresses to archive (default {@code %}: every account). */
    @Inject
    @BatchProperty
    private String accounts;

    private final Deque<ArchivePolicy> page = new ArrayDeque<>();
    private String last = "";
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        last = checkpoint == null ? "" : (String) checkpoint;
    }

    @Override
    public Object readItem() {
        while (true) {
            if (page.isEmpty() && !exhausted) {
                String after = last;
                var next = archiving.accounts(Integer.parseInt(partition), Integer.parseInt(partitions), accounts,
                        after, PAGE);
                exhausted = next.size() < PAGE;
                page.addAll(next);
            }
            ArchivePolicy account = page.poll();
            if (account == null) {
                return null;
            }
            last = account.address();
            if (account.enabled()) {
                return account;
            }
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}
