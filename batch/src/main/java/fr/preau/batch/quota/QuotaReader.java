package fr.preau.batch.quota;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

import fr.preau.batch.BatchRole;
import fr.preau.mail.quota.QuotaSweep;
import fr.preau.mail.quota.SweptAccount;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Reads the enabled accounts of one partition in address order, a page at a time. Its checkpoint is the address of
 * the last account of the last committed chunk: a restart goes on after it.
 */
@Named
@Dependent
public class QuotaReader extends AbstractItemReader {
    private static final int PAGE = 500;

    @EJB
    private BatchRole batch;

    @EJB
    private QuotaSweep sweep;

    @Inject
    @BatchProperty
    private String partition;

    @Inject
    @BatchProperty
    private String partitions;

    /** SQL LIKE pattern of the addresses to sweep (default {@code %}: every account). */
    @Inject
    @BatchProperty
    private String accounts;

    private final Deque<SweptAccount> page = new ArrayDeque<>();
    private String last = "";
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        last = checkpoint == null ? "" : (String) checkpoint;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            String after = last;
            var next = batch.call(() -> sweep.accounts(Integer.parseInt(partition), Integer.parseInt(partitions),
                    accounts, after, PAGE));
            exhausted = next.size() < PAGE;
            page.addAll(next);
        }
        SweptAccount account = page.poll();
        if (account != null) {
            last = account.address();
        }
        return account;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}
