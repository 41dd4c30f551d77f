package fr.preau.batch.archive;

import java.util.List;

import fr.preau.batch.KeysetReader;
import fr.preau.mail.archive.ArchivePolicy;
import fr.preau.mail.archive.MailArchiving;
import jakarta.batch.api.BatchProperty;
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
public class MailboxReader extends KeysetReader<ArchivePolicy> {
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

    public MailboxReader() {
        super(200);
    }

    @Override
    protected List<ArchivePolicy> page(String after, int limit) {
        return archiving.accounts(Integer.parseInt(partition), Integer.parseInt(partitions), accounts, after, limit);
    }

    @Override
    protected String key(ArchivePolicy account) {
        return account.address();
    }

    @Override
    protected boolean wanted(ArchivePolicy account) {
        return account.enabled();
    }
}
