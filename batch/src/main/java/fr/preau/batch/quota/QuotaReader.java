package fr.preau.batch.quota;

import java.util.List;

import fr.preau.batch.BatchRole;
import fr.preau.batch.KeysetReader;
import fr.preau.mail.quota.QuotaSweep;
import fr.preau.mail.quota.SweptAccount;
import jakarta.batch.api.BatchProperty;
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
public class QuotaReader extends KeysetReader<SweptAccount> {
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

    public QuotaReader() {
        super(500);
    }

    @Override
    protected List<SweptAccount> page(String after, int limit) {
        return batch.call(() -> sweep.accounts(Integer.parseInt(partition), Integer.parseInt(partitions), accounts,
                after, limit));
    }

    @Override
    protected String key(SweptAccount account) {
        return account.address();
    }
}
