package fr.preau.batch;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.jobs.JobControl;
import fr.preau.jobs.JobRun;
import fr.preau.jobs.JobSummary;
import fr.preau.jobs.NightlyRuns;
import fr.preau.jobs.NightlySchedule;
import fr.preau.shared.InvalidInputException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * {@link JobControl} over the batch module's {@code JobOperator}: the jobs are those of this module's job XML, the
 * history is JBeret's JDBC repository (the one WildFly's management console reads too).
 */
@Stateless
@RolesAllowed("admin")
public class JobConsole implements JobControl {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    private static final Set<BatchStatus> RUNNING = Set.of(BatchStatus.STARTING, BatchStatus.STARTED);
    private static final Set<BatchStatus> RESTARTABLE = Set.of(BatchStatus.FAILED, BatchStatus.STOPPED);

    @EJB
    private NightlyRuns runs;

    @Resource
    private SessionContext context;

    @Inject
    private Event<AuditEvent> audit;

    @Override
    public List<JobSummary> jobs(int limit) {
        JobOperator operator = BatchRuntime.getJobOperator();
        Map<String, Optional<LocalTime>> hours = runs.hours();
        Set<String> names = new TreeSet<>(operator.getJobNames());
        names.addAll(hours.keySet());
        List<JobSummary> jobs = new ArrayList<>();
        for (String job : names) {
            List<JobRun> last = new ArrayList<>();
            if (operator.getJobNames().contains(job)) {
                for (JobInstance instance : operator.getJobInstances(job, 0, Math.max(1, limit))) {
                    List<JobExecution> executions = operator.getJobExecutions(instance);
                    long latest = executions.stream().mapToLong(JobExecution::getExecutionId).max().orElse(-1);
                    for (JobExecution e : executions) {
                        last.add(run(operator, e, e.getExecutionId() == latest));
                    }
                }
            }
            last.sort(Comparator.comparingLong(JobRun::execution).reversed());
            String hour = hours.containsKey(job) ? hours.get(job).map(LocalTime::toString).orElse(NightlySchedule.OFF)
                    : "";
            jobs.add(new JobSummary(job, hour, List.copyOf(last.subList(0, Math.min(limit, last.size())))));
        }
        return jobs;
    }

    @Override
    public long start(String job, Map<String, String> parameters) {
        JobOperator operator = BatchRuntime.getJobOperator();
        if (job == null || !operator.getJobNames().contains(job)) {
            throw new InvalidInputException("job", "jobs.schedule.unknownJob", job);
        }
        Properties properties = new Properties();
        parameters.forEach((name, value) -> {
            if (!NAME.matcher(name).matches()) {
                throw new InvalidInputException("parameters", "jobs.error.parameterName", name);
            }
            properties.setProperty(name, value);
        });
        long execution = operator.start(job, properties);
        audited("batch job " + job + " started by hand, execution " + execution + " " + properties);
        return execution;
    }

    @Override
    public void stop(long execution) {
        JobOperator operator = BatchRuntime.getJobOperator();
        JobExecution e = execution(operator, execution);
        if (!RUNNING.contains(e.getBatchStatus())) {
            throw new InvalidInputException("execution", "jobs.error.notRunning", Long.toString(execution));
        }
        operator.stop(execution);
        audited("batch job " + e.getJobName() + " execution " + execution + " stopped by hand");
    }

    @Override
    public long restart(long execution) {
        JobOperator operator = BatchRuntime.getJobOperator();
        JobExecution e = execution(operator, execution);
        if (!RESTARTABLE.contains(e.getBatchStatus()) || !latest(operator, e)) {
            throw new InvalidInputException("execution", "jobs.error.notRestartable", Long.toString(execution));
        }
        long restarted = operator.restart(execution, new Properties());
        audited("batch job " + e.getJobName() + " execution " + execution + " restarted as " + restarted);
        return restarted;
    }

    private static JobExecution execution(JobOperator operator, long execution) {
        try {
            return operator.getJobExecution(execution);
        } catch (NoSuchJobExecutionException | JobSecurityException | NoSuchJobException e) {
            throw new InvalidInputException("execution", "jobs.error.noExecution", Long.toString(execution));
        }
    }

    private static boolean latest(JobOperator operator, JobExecution e) {
        JobInstance instance = operator.getJobInstance(e.getExecutionId());
        return operator.getJobExecutions(instance).stream()
                .allMatch(other -> other.getExecutionId() <= e.getExecutionId());
    }

    private static JobRun run(JobOperator operator, JobExecution e, boolean latest) {
        long read = 0;
        long written = 0;
        long skipped = 0;
        long errors = 0;
        List<String> stepExits = new ArrayList<>();
        for (StepExecution step : operator.getStepExecutions(e.getExecutionId())) {
            if (step.getExitStatus() != null && !step.getExitStatus().equals(step.getBatchStatus().name())) {
                stepExits.add(step.getExitStatus());
            }
            for (Metric m : step.getMetrics() == null ? new Metric[0] : step.getMetrics()) {
                switch (m.getType()) {
                    case READ_COUNT -> read += m.getValue();
                    case WRITE_COUNT -> written += m.getValue();
                    case READ_SKIP_COUNT, PROCESS_SKIP_COUNT, WRITE_SKIP_COUNT -> skipped += m.getValue();
                    case ROLLBACK_COUNT -> errors += m.getValue();
                    default -> {
                    }
                }
            }
            if (step.getBatchStatus() == BatchStatus.FAILED) {
                errors++;
            }
        }
        BatchStatus status = e.getBatchStatus();
        // A job's own exit status is its batch status unless it sets one; its steps' say what they did (PURGED 12).
        String exit = stepExits.isEmpty() || !status.name().equals(e.getExitStatus()) ? e.getExitStatus()
                : String.join(", ", stepExits);
        return new JobRun(e.getExecutionId(), e.getJobName(), status.name(), instant(e.getStartTime()),
                instant(e.getEndTime()), read, written, skipped, errors, exit, RUNNING.contains(status),
                latest && RESTARTABLE.contains(status));
    }

    private static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }

    private void audited(String detail) {
        audit.fire(AuditEvent.of(AuditAction.ADMIN_ACTION, context.getCallerPrincipal().getName(), null, null, true,
                detail));
    }
}
