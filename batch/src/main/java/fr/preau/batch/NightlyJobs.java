package fr.preau.batch;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.preau.jobs.NightlyRuns;
import fr.preau.jobs.NightlySchedule;
import fr.preau.shared.Deployment;
import jakarta.annotation.security.PermitAll;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

/**
 * The one scheduler of the nightly jobs ({@link NightlySchedule#JOBS}): every minute it starts the jobs whose hour
 * (academy settings {@code batch.<job>.at}, Europe/Paris) has come and that have not started yet that night; a
 * claim in the database makes that once a night, across restarts and servers. Their history is in JBeret's
 * repository (PostgreSQL), readable in WildFly's management console.
 */
@Singleton
@PermitAll
@TransactionManagement(TransactionManagementType.BEAN)
public class NightlyJobs {
    private static final Logger LOG = Logger.getLogger(NightlyJobs.class.getName());

    @EJB
    private BatchRole batch;

    @EJB
    private NightlyRuns runs;

    private final Clock clock = Clock.systemUTC();

    @Schedule(hour = "*", minute = "*", persistent = false, info = "nightly jobs")
    void tick() {
        if (Deployment.nightlyTimer()) {
            startDue(clock.instant());
        }
    }

    /** Starts the jobs due at {@code now} and not started yet for their night; returns the executions started. */
    public List<Long> startDue(Instant now) {
        List<Long> started = new ArrayList<>();
        Map<String, LocalDate> due = batch.call(() -> runs.due(now));
        due.forEach((job, night) -> {
            if (!batch.call(() -> runs.claim(job, night))) {
                return;
            }
            try {
                // The night's date, for the jobs that work by it (mail-archiving's "today"); others ignore it.
                Properties parameters = new Properties();
                parameters.setProperty("today", night.toString());
                long execution = BatchRuntime.getJobOperator().start(job, parameters);
                batch.call(() -> {
                    runs.started(job, night, execution);
                    return null;
                });
                LOG.info(job + " started for the night of " + night + ", execution " + execution);
                started.add(execution);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, job + " could not start; tried again at the next minute", e);
                batch.call(() -> {
                    runs.release(job, night);
                    return null;
                });
            }
        });
        return started;
    }
}
