package fr.preau.batch.archive;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.preau.mail.archive.ArchivePolicy;
import fr.preau.mail.archive.MailArchiving;
import fr.preau.shared.Component;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Archives each account of the chunk. A mailbox that fails is tried once more at once: when it fails again without
 * the connection to a server being lost (the store refuses that mailbox, the account is gone) it is skipped and
 * reported, and the job goes on; when a server stops answering, or {@code maxConsecutiveFailures} mailboxes failed
 * in a row, the step fails and the chunk is rolled back, so a restart takes it again from the checkpoint.
 */
@Named
@Dependent
public class ArchiveWriter extends AbstractItemWriter {
    private static final Logger LOG = Logger.getLogger(ArchiveWriter.class.getName());
    private static final ZoneId ACADEMY_ZONE = ZoneId.of("Europe/Paris");

    @EJB
    private MailArchiving archiving;

    @Inject
    private StepContext step;

    /** The night of the run ({@code yyyy-MM-dd}); empty: today in Europe/Paris. */
    @Inject
    @BatchProperty
    private String today;

    @Inject
    @BatchProperty
    private String maxConsecutiveFailures;

    private int failuresInARow;

    @Override
    public void writeItems(List<Object> items) {
        LocalDate night = today == null || today.isBlank() ? LocalDate.now(ACADEMY_ZONE) : LocalDate.parse(today);
        int limit = maxConsecutiveFailures == null || maxConsecutiveFailures.isBlank() ? 3
                : Integer.parseInt(maxConsecutiveFailures.trim());
        int accounts = 0;
        int moved = 0;
        List<String> skipped = new ArrayList<>();
        for (Object item : items) {
            ArchivePolicy account = (ArchivePolicy) item;
            try {
                moved += archive(account, night);
                accounts++;
                failuresInARow = 0;
            } catch (RuntimeException e) {
                if (!mailboxAtFault(e) || ++failuresInARow >= limit) {
                    LOG.log(Level.WARNING, "mail-archiving stops at " + account.address()
                            + " (a server does not answer): restart the job to go on from its checkpoint", e);
                    throw e;
                }
                LOG.log(Level.WARNING, "mail-archiving skipped " + account.address(), e);
                skipped.add(account.address());
            }
        }
        step.setTransientUserData(new ArchiveCounts(accounts, moved, skipped));
    }

    private int archive(ArchivePolicy account, LocalDate night) {
        try {
            return archiving.archive(account.address(), account.cutoff(night));
        } catch (RuntimeException first) {
            LOG.log(Level.FINE, "archiving " + account.address() + " failed once, tried again", first);
            return archiving.archive(account.address(), account.cutoff(night));
        }
    }

    /**
     * Whether the failure is this mailbox's own: the account is gone, or the store answered and refused it. A lost
     * or refused connection (an I/O failure anywhere in the causes) means the server itself is down.
     */
    static boolean mailboxAtFault(Throwable failure) {
        boolean notFound = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException || t.getClass().getName().endsWith("ConnectionException")
                    || t.getClass().getName().endsWith("ClosedException")
                    || t instanceof java.sql.SQLException) {
                return false;
            }
            notFound |= t instanceof NotFoundException;
        }
        return notFound || isStoreFailure(failure);
    }

    private static boolean isStoreFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ServiceUnavailableException unavailable
                    && unavailable.component() == Component.MAIL_STORE) {
                return true;
            }
        }
        return false;
    }
}
