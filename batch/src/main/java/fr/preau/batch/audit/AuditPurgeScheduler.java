package fr.preau.batch.audit;

import java.util.Properties;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

/** Starts the {@code audit-purge} job every night at 02:30 (server time). */
@Singleton
@PermitAll
@TransactionManagement(TransactionManagementType.BEAN)
public class AuditPurgeScheduler {
    static final String JOB = "audit-purge";
    private static final Logger LOG = Logger.getLogger(AuditPurgeScheduler.class.getName());

    @Schedule(hour = "2", minute = "30", timezone = "Europe/Paris", persistent = false, info = JOB)
    public void nightly() {
        long execution = BatchRuntime.getJobOperator().start(JOB, new Properties());
        LOG.info("Job " + JOB + " started (execution " + execution + ")");
    }
}
