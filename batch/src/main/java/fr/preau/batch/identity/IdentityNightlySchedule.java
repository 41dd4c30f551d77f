package fr.preau.batch.identity;

import java.util.Properties;

import jakarta.annotation.security.PermitAll;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;

/** Starts the job {@code identity-nightly} every night at 02:15 (server time); runs are kept in the job repository. */
@Singleton
@PermitAll
public class IdentityNightlySchedule {
    public static final String JOB = "identity-nightly";

    @Schedule(hour = "2", minute = "15", timezone = "Europe/Paris", persistent = false)
    void nightly() {
        BatchRuntime.getJobOperator().start(JOB, new Properties());
    }
}
