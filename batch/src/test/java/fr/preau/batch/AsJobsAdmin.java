package fr.preau.batch;

import java.util.Map;

import fr.preau.jobs.JobControl;
import fr.preau.jobs.NightlyRuns;
import fr.preau.settings.AcademySettings;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/** Sets the hours of the nightly jobs with the role {@code admin}, as the administration pages will. */
@Stateless
@RunAs("admin")
@PermitAll
public class AsJobsAdmin {
    @EJB
    private NightlyRuns runs;

    @EJB
    private AcademySettings settings;

    @EJB
    private JobControl jobs;

    public long start(String job, Map<String, String> parameters) {
        return jobs.start(job, parameters);
    }

    public void stop(long execution) {
        jobs.stop(execution);
    }

    public long restart(long execution) {
        return jobs.restart(execution);
    }

    public void schedule(String job, String value) {
        runs.schedule(job, value);
    }

    /** Back to the default hour. */
    public void forget(String setting) {
        settings.put(setting, null);
    }

    public String setting(String name) {
        return settings.text(name).orElse(null);
    }
}
