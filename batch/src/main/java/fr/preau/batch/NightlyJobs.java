package fr.preau.batch;

import java.time.LocalDate;
import java.time.ZoneId;
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
        start("purge-large-files", new Properties());
    }

    /** Every night at 03:00: old mail moves to Archives/&lt;year&gt; (docs/adr/0092); the night is a parameter. */
    @Schedule(hour = "3", minute = "0", timezone = "Europe/Paris", persistent = false, info = "mail-archiving")
    public void archiveMail() {
        Properties parameters = new Properties();
        parameters.setProperty("today", LocalDate.now(ZoneId.of("Europe/Paris")).toString());
        start("mail-archiving", parameters);
    }

    private static void start(String job, Properties parameters) {
        try {
            long execution = BatchRuntime.getJobOperator().start(job, parameters);
            LOG.info(job + " started, execution " + execution);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, job + " could not start", e);
        }
    }
}
