package fr.preau.batch.expiry;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

import fr.preau.batch.BatchRole;
import fr.preau.identity.PasswordExpiry;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Reads the active accounts in identifier order, a page at a time. Its checkpoint is the identifier of the last
 * account of the last committed chunk: a restart goes on after it.
 */
@Named("expiryAccountReader")
@Dependent
public class AccountReader extends AbstractItemReader {
    private static final int PAGE = 200;

    @EJB
    private BatchRole batch;

    @EJB
    private PasswordExpiry expiry;

    /** SQL LIKE pattern of the identifiers to review (default {@code %}: every account). */
    @Inject
    @BatchProperty
    private String accounts;

    private final Deque<String> page = new ArrayDeque<>();
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
            var next = batch.call(() -> expiry.accountsAfter(after, pattern(), PAGE));
            exhausted = next.size() < PAGE;
            page.addAll(next);
        }
        String account = page.poll();
        if (account != null) {
            last = account;
        }
        return account;
    }

    private String pattern() {
        return accounts == null || accounts.isBlank() ? "%" : accounts.trim();
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}
