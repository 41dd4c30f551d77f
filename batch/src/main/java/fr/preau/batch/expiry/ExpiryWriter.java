package fr.preau.batch.expiry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.preau.batch.BatchRole;
import fr.preau.identity.PasswordExpiry;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Reviews each account of the chunk ({@link PasswordExpiry#review}) at the instant of the run: job parameter
 * {@code now} (an ISO instant, for the tests and for a restart that must keep the night's instant), else the clock.
 * An account that fails (its mail refused, its Keycloak user refusing the change) is skipped, logged and named in
 * the exit status, and the job goes on; Keycloak, PostgreSQL or the submission server not answering fails the step
 * and rolls the chunk back, to be restarted from its checkpoint.
 */
@Named("expiryWriter")
@Dependent
public class ExpiryWriter extends AbstractItemWriter {
    private static final Logger LOG = Logger.getLogger(ExpiryWriter.class.getName());

    @EJB
    private BatchRole batch;

    @EJB
    private PasswordExpiry expiry;

    @Inject
    private StepContext step;

    @Inject
    @BatchProperty
    private String now;

    private final Clock clock = Clock.systemUTC();

    @Override
    public void writeItems(List<Object> items) {
        Instant at = now == null || now.isBlank() ? clock.instant() : Instant.parse(now.trim());
        ExpiryCounts counts = step.getPersistentUserData() instanceof ExpiryCounts c ? c : new ExpiryCounts();
        for (Object item : items) {
            String username = (String) item;
            try {
                Set<PasswordExpiry.Outcome> done = batch.call(() -> expiry.review(username, at));
                counts.reviewed(done);
            } catch (RuntimeException e) {
                if (serverDown(e)) {
                    LOG.log(Level.WARNING, "password-expiry stops at " + username
                            + " (a server does not answer): restart the job to go on from its checkpoint", e);
                    throw e;
                }
                LOG.log(Level.WARNING, "password-expiry skipped " + username, e);
                counts.skipped(username);
            }
        }
        step.setPersistentUserData(counts);
        step.setExitStatus(counts.exitStatus());
    }

    /**
     * Whether the failure is a server's (Keycloak, the submission server, the database not answering), not the
     * account's: a recipient refused by the submission server (an {@link InvalidInputException} or a
     * {@code SendFailedException} among the causes) is the account's.
     */
    static boolean serverDown(Throwable failure) {
        boolean down = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException || t.getClass().getName().endsWith("SendFailedException")) {
                return false;
            }
            down |= t instanceof ServiceUnavailableException || t instanceof java.sql.SQLException
                    || t instanceof java.io.IOException;
        }
        return down;
    }
}
