package fr.preau.jobs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.settings.AcademySettings;
import fr.preau.shared.InvalidInputException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * The schedule of the nightly jobs and their runs of each night (table {@code nightly_job_run}). The scheduler of
 * the batch module asks which jobs are {@link #due} and {@link #claim}s each before starting it, so a job starts
 * at most once a night. Administrators set the hour of a job ({@link #schedule}).
 */
@Stateless
public class NightlyRuns {
    private static final Logger LOG = Logger.getLogger(NightlyRuns.class.getName());

    @Inject
    private NightlyJobRuns runs;

    @EJB
    private AcademySettings settings;

    @Resource
    private SessionContext context;

    @Inject
    private Event<AuditEvent> audit;

    /** The hour of each nightly job (Europe/Paris; empty when off); a setting that does not parse is logged. */
    @RolesAllowed({"batch", "admin"})
    public Map<String, Optional<LocalTime>> hours() {
        Map<String, Optional<LocalTime>> hours = new LinkedHashMap<>();
        NightlySchedule.JOBS.forEach((job, fallback) -> {
            Optional<String> raw = settings.text(NightlySchedule.setting(job));
            Optional<LocalTime> at = Optional.of(fallback);
            if (raw.isPresent()) {
                try {
                    at = NightlySchedule.parse(job, raw.get());
                } catch (InvalidInputException e) {
                    LOG.warning("Academy setting " + NightlySchedule.setting(job) + "='" + raw.get()
                            + "' is not valid: default " + fallback + " used");
                }
            }
            hours.put(job, at);
        });
        return hours;
    }

    /** The jobs due at {@code now} and not yet claimed for that night, with the night. */
    @RolesAllowed("batch")
    public Map<String, LocalDate> due(Instant now) {
        Map<String, LocalDate> due = new LinkedHashMap<>();
        hours().forEach((job, at) -> at
                .flatMap(hour -> NightlySchedule.dueNight(hour, ZonedDateTime.ofInstant(now, NightlySchedule.ZONE)))
                .filter(night -> !runs.claimed(job, night)).ifPresent(night -> due.put(job, night)));
        return due;
    }

    /** Takes the run of {@code job} for {@code night}; false when it was already taken (by this or another node). */
    @RolesAllowed("batch")
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(String job, LocalDate night) {
        return runs.claim(job, night);
    }

    /** Notes the execution started for a claimed run. */
    @RolesAllowed("batch")
    public void started(String job, LocalDate night, long execution) {
        runs.started(job, night, execution);
    }

    /** Gives a claimed run back when the job could not start, so the next tick tries again. */
    @RolesAllowed("batch")
    public void release(String job, LocalDate night) {
        runs.release(job, night);
    }

    /**
     * Sets the hour of a nightly job: {@code HH:mm} (Europe/Paris) or {@code off}; audited (the hour before and
     * after).
     *
     * @throws InvalidInputException for an unknown job or a value that is neither; nothing changes then
     */
    @RolesAllowed("admin")
    public void schedule(String job, String value) {
        Optional<LocalTime> at = NightlySchedule.parse(job, value);
        String written = at.map(LocalTime::toString).orElse(NightlySchedule.OFF);
        String before = settings.text(NightlySchedule.setting(job))
                .orElse(NightlySchedule.JOBS.get(job).toString());
        settings.put(NightlySchedule.setting(job), written);
        audit.fire(AuditEvent.of(AuditAction.ADMIN_ACTION, context.getCallerPrincipal().getName(),
                NightlySchedule.setting(job), null, true, "nightly job " + job + " at " + before + " -> " + written));
    }
}
