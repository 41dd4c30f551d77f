package fr.preau.batch.delegation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.preau.batch.BatchRole;
import fr.preau.delegation.registry.DelegationRegistry;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The step of job {@code delegation-expiry} (DLG-2, JOB-4; docs/adr/0103): every open delegation whose end date has
 * passed at {@code now}, or of a functional mailbox whose delegate has left its establishment (docs/adr/0105), is
 * ended, its folder rights removed from Dovecot, the end audited and both parties mailed, each in a transaction of
 * its own ({@link DelegationRegistry#expire}). Idempotent and restartable: an ended delegation is no longer
 * selected, and removing rights already gone is no error, so a run stopped or killed half-way is simply run again,
 * and a second run changes nothing. A delegation that fails (Dovecot down) is left open, named in the exit status,
 * and tried again the next night; the checks at every use already refuse it.
 */
@Named("delegationExpiryBatchlet")
@Dependent
public class DelegationExpiryBatchlet extends AbstractBatchlet {
    private static final Logger LOG = Logger.getLogger(DelegationExpiryBatchlet.class.getName());
    private static final int PAGE = 100;
    private static final int NAMED = 20;

    @EJB
    private BatchRole batch;

    @EJB
    private DelegationRegistry registry;

    /** The instant of the run (ISO); empty: the clock. */
    @Inject
    @BatchProperty
    private String now;

    private final Clock clock = Clock.systemUTC();

    private volatile boolean stopped;

    @Override
    public String process() {
        Instant at = now == null || now.isBlank() ? clock.instant() : Instant.parse(now.trim());
        int ended = 0;
        List<Long> failed = new ArrayList<>();
        long after = 0;
        while (!stopped) {
            long from = after;
            List<Long> ids = batch.call(() -> registry.toEnd(at, from, PAGE));
            if (ids.isEmpty()) {
                break;
            }
            for (long id : ids) {
                if (stopped) {
                    break;
                }
                try {
                    if (batch.call(() -> registry.expire(id, at))) {
                        ended++;
                    }
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "delegation-expiry: delegation " + id + " not ended", e);
                    failed.add(id);
                }
                after = id;
            }
        }
        String status = "ENDED " + ended + " FAILED " + failed.size()
                + (failed.isEmpty() ? "" : " " + failed.subList(0, Math.min(NAMED, failed.size())));
        LOG.info("delegation-expiry: " + status + (stopped ? " (stopped)" : ""));
        return stopped ? "STOPPED " + status : status;
    }

    @Override
    public void stop() {
        stopped = true;
    }
}
