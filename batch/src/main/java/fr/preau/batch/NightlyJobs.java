package fr.preau.batch;

import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;

/** Starts the nightly jobs at their hour (Europe/Paris); their history is in JBeret's repository (PostgreSQL). */
@Singleton
@PermitAll
public class NightlyJobs {
    private static final Logger LOG = Logger.getLogger(NightlyJobs.class.getName());

    /** Every night at 02:30: expired download links lose their files. */
    @Schedule(hour = "2", minute = "30", timezone = "Europe/Paris", persistent = false, info = "purge-large-files")
    public void purgeLargeFiles() {
        try {
            long execution = BatchRuntime.getJobOperator().start("purge-large-files", new Properties());
            LOG.info("purge-large-files started, execution " + execution);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "purge-large-files could not start", e);
        }
    }
}
