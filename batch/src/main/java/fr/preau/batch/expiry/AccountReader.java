package fr.preau.batch.expiry;

import java.util.List;

import fr.preau.batch.BatchRole;
import fr.preau.batch.KeysetReader;
import fr.preau.identity.PasswordExpiry;
import jakarta.batch.api.BatchProperty;
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
public class AccountReader extends KeysetReader<String> {
    @EJB
    private BatchRole batch;

    @EJB
    private PasswordExpiry expiry;

    /** SQL LIKE pattern of the identifiers to review (default {@code %}: every account). */
    @Inject
    @BatchProperty
    private String accounts;

    public AccountReader() {
        super(200);
    }

    @Override
    protected List<String> page(String after, int limit) {
        String pattern = accounts == null || accounts.isBlank() ? "%" : accounts.trim();
        return batch.call(() -> expiry.accountsAfter(after, pattern, limit));
    }

    @Override
    protected String key(String account) {
        return account;
    }
}
