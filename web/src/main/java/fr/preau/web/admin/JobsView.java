package fr.preau.web.admin;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.preau.jobs.JobControl;
import fr.preau.jobs.JobSummary;
import fr.preau.shared.InvalidInputException;
import fr.preau.web.shared.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/**
 * "Traitements" (administrators): every batch job with its last executions; start one with parameters (one
 * {@code name=value} a line), stop a running execution, restart a failed or stopped one from its checkpoint.
 */
@Named
@ViewScoped
public class JobsView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final int LAST = 10;

    @EJB
    private JobControl control;

    private List<JobSummary> jobs;
    private String job;
    private String parameters;

    @PostConstruct
    void init() {
        refresh();
    }

    public void refresh() {
        jobs = control.jobs(LAST);
    }

    public void start() {
        try {
            long execution = control.start(job, parse(parameters));
            Feedback.info("jobs.started", job, Long.toString(execution));
            parameters = null;
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
        refresh();
    }

    public void stop(long execution) {
        try {
            control.stop(execution);
            Feedback.info("jobs.stopping", Long.toString(execution));
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
        refresh();
    }

    public void restart(long execution) {
        try {
            long restarted = control.restart(execution);
            Feedback.info("jobs.restarted", Long.toString(execution), Long.toString(restarted));
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
        refresh();
    }

    /** {@code name=value} lines; blank lines ignored. */
    static Map<String, String> parse(String text) {
        Map<String, String> parsed = new LinkedHashMap<>();
        if (text == null) {
            return parsed;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("parameters", "jobs.error.parameterLine", line.trim());
            }
            parsed.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
        }
        return parsed;
    }

    public List<JobSummary> getJobs() {
        return jobs;
    }

    public String statusLabel(String status) {
        return Feedback.text("jobs.status." + status);
    }

    public String getJob() {
        return job;
    }

    public void setJob(String job) {
        this.job = job;
    }

    public String getParameters() {
        return parameters;
    }

    public void setParameters(String parameters) {
        this.parameters = parameters;
    }
}
