package fr.preau.batch.quota;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.preau.batch.BatchRole;
import fr.preau.mail.quota.QuotaSweep;
import fr.preau.mail.quota.Swept;
import fr.preau.mail.quota.SweptAccount;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Sweeps the accounts of the chunk ({@link QuotaSweep#sweep}, one call for the chunk). A mailbox that fails (the
 * store refuses it, the account is gone, the alert cannot be sent) is skipped and reported, and the job goes on; the
 * next run takes it again, since nothing was written for it. When {@code maxConsecutiveFailures} mailboxes fail in a
 * row a server is down: the step fails and restarts from the checkpoint before the chunk, so that an outage does not
 * report every mailbox as skipped (the accounts of that chunk already swept are found swept by the restart).
 */
@Named
@Dependent
public class QuotaWriter extends AbstractItemWriter {
    private static final Logger LOG = Logger.getLogger(QuotaWriter.class.getName());

    @EJB
    private BatchRole batch;

    @EJB
    private QuotaSweep sweep;

    @Inject
    private StepContext step;

    /** The day of the snapshots ({@code yyyy-MM-dd}); empty: today in Europe/Paris. */
    @Inject
    @BatchProperty
    private String today;

    @Inject
    @BatchProperty
    private String maxConsecutiveFailures;

    private int failuresInARow;

    @Override
    public void writeItems(List<Object> items) {
        LocalDate day = today == null || today.isBlank() ? batch.call(sweep::today) : LocalDate.parse(today.trim());
        int limit = maxConsecutiveFailures == null || maxConsecutiveFailures.isBlank() ? 5
                : Math.max(1, Integer.parseInt(maxConsecutiveFailures.trim()));
        int swept = 0;
        int unchanged = 0;
        int alerts = 0;
        List<String> skipped = new ArrayList<>();
        List<SweptAccount> accounts = new ArrayList<>(items.size());
        items.forEach(item -> accounts.add((SweptAccount) item));
        // A failure is caught inside the call: thrown out of BatchRole (which joins the chunk's transaction) it would
        // mark the chunk for rollback, skipping a mailbox would then fail the step.
        List<Swept> done = batch.call(() -> {
            try {
                return sweep.sweep(accounts, day);
            } catch (RuntimeException e) {
                return accounts.stream().map(a -> Swept.failed(e)).toList();
            }
        });
        for (int i = 0; i < accounts.size(); i++) {
            Swept s = done.get(i);
            String address = accounts.get(i).address();
            if (!s.skipped()) {
                swept += s.taken() ? 1 : 0;
                unchanged += s.taken() ? 0 : 1;
                alerts += s.mailed() > 0 ? 1 : 0;
                failuresInARow = 0;
            } else {
                if (++failuresInARow >= limit) {
                    LOG.log(Level.WARNING, "quota-sweep stops at " + address + " (" + failuresInARow
                            + " mailboxes failed in a row): restart the job to go on from its checkpoint",
                            s.failure());
                    throw s.failure();
                }
                LOG.log(Level.WARNING, "quota-sweep skipped " + address, s.failure());
                skipped.add(address);
            }
        }
        step.setTransientUserData(new QuotaCounts(swept, unchanged, alerts, skipped));
    }
}
