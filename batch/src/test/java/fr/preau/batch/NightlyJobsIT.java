package fr.preau.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.batch.largefile.LargeFileRows;
import fr.preau.jobs.JobControl;
import fr.preau.jobs.JobRun;
import fr.preau.jobs.JobSummary;
import fr.preau.jobs.NightlyJobRuns;
import fr.preau.jobs.NightlyRuns;
import fr.preau.jobs.NightlySchedule;
import fr.preau.mail.largefile.LargeFilePurge;
import fr.preau.settings.AcademySettings;
import fr.preau.settings.SettingRows;
import fr.preau.shared.InvalidInputException;
import fr.preau.testing.TestEnv;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The one scheduler of the nightly jobs in a real WildFly: a job starts at the hour the academy set, once a night
 * however often the timer fires; a wrong hour is refused with a message and changes nothing; the services the
 * jobs call refuse every caller but the role {@code batch} (docs/adr/0091), which the job runs under.
 */
@ExtendWith(ArquillianExtension.class)
class NightlyJobsIT {
    private static final String JOB = "purge-large-files";

    @Deployment
    static WebArchive deployment() {
        return BatchArchive.purgeLargeFiles("nightly-jobs-it.war")
                .addClasses(NightlyJobs.class, AsJobsAdmin.class, NightlyRuns.class, NightlyJobRuns.class,
                        JobConsole.class, JobControl.class, JobRun.class, JobSummary.class, NightlySchedule.class,
                        AcademySettings.class, SettingRows.class, InvalidInputException.class, AuditEvent.class,
                        AuditAction.class);
    }

    @EJB
    private NightlyJobs scheduler;

    @EJB
    private AsJobsAdmin admin;

    @EJB
    private LargeFileRows rows;

    @EJB
    private LargeFilePurge purge;

    @EJB
    private NightlyRuns runs;

    @EJB
    private JobControl console;

    @AfterEach
    void defaultHour() {
        admin.forget(NightlySchedule.setting(JOB));
    }

    @Test
    void aJobStartsAtTheHourSetByTheAcademyOnceANight() throws Exception {
        long expired = rows.stored("it.nightly@" + TestEnv.domain(), true, "-1 day");
        admin.schedule(JOB, "14:00");
        // A night of its own for each run of this test, far from the real ones the timer claims.
        LocalDate night = LocalDate.of(2100, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(36_500));
        Instant before = at(night, "13:59");

        assertEquals(List.of(), scheduler.startDue(before), "not before its hour");
        List<Long> started = scheduler.startDue(at(night, "14:01"));
        assertEquals(1, started.size(), "started at its hour: " + started);
        JobExecution execution = finished(started.get(0));
        assertEquals(BatchStatus.COMPLETED, execution.getBatchStatus(), "the job's services let the role batch in");
        assertTrue(!rows.fileExists(expired) && rows.markedDeleted(expired), "the job did its work");

        assertEquals(List.of(), scheduler.startDue(at(night, "14:02")), "the timer fires again: nothing more");
        assertEquals(List.of(), scheduler.startDue(at(night, "19:59")), "nor later that night");
        assertEquals(List.of(), scheduler.startDue(at(night, "20:00")), "nor after the catch-up window");
    }

    @Test
    void aJobSetOffDoesNotStartByItself() {
        admin.schedule(JOB, "off");
        assertEquals(NightlySchedule.OFF, admin.setting(NightlySchedule.setting(JOB)));
        LocalDate night = LocalDate.of(2100, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(36_500));
        assertEquals(List.of(), scheduler.startDue(at(night, "02:31")));
    }

    @Test
    void aWrongHourIsRefusedAndChangesNothing() {
        admin.schedule(JOB, "03:45");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> admin.schedule(JOB, "25:00"));
        assertEquals("jobs.schedule.invalidHour", e.messageKey());
        assertEquals("03:45", admin.setting(NightlySchedule.setting(JOB)));
        assertThrows(InvalidInputException.class, () -> admin.schedule("mystere", "03:00"));
    }

    @Test
    void onlyAnAdministratorSetsTheHourAndOnlyTheRoleBatchRunsTheJobsServices() {
        assertThrows(EJBAccessException.class, () -> runs.schedule(JOB, "03:00"), "anonymous caller");
        assertThrows(EJBAccessException.class, () -> runs.claim(JOB, LocalDate.of(2099, 1, 1)));
        assertThrows(EJBAccessException.class, () -> purge.purgeExpired(1), "the purge is the nightly job's");
        assertThrows(EJBAccessException.class, () -> console.jobs(1), "the jobs page's service");
        assertThrows(EJBAccessException.class, () -> console.start(JOB, Map.of()));
    }

    @Test
    void theJobsServiceRefusesWhatCannotBeDoneWithAMessage() throws Exception {
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> admin.start("mystere", Map.of()));
        assertEquals("jobs.schedule.unknownJob", unknown.messageKey());
        InvalidInputException name = assertThrows(InvalidInputException.class,
                () -> admin.start(JOB, Map.of("taille du lot", "1")));
        assertEquals("jobs.error.parameterName", name.messageKey());
        long done = admin.start(JOB, Map.of("batchSize", "5"));
        assertEquals(BatchStatus.COMPLETED, finished(done).getBatchStatus());
        assertEquals("jobs.error.notRunning",
                assertThrows(InvalidInputException.class, () -> admin.stop(done)).messageKey());
        assertEquals("jobs.error.notRestartable",
                assertThrows(InvalidInputException.class, () -> admin.restart(done)).messageKey());
        assertEquals("jobs.error.noExecution",
                assertThrows(InvalidInputException.class, () -> admin.restart(Long.MAX_VALUE)).messageKey());
    }

    private static Instant at(LocalDate night, String time) {
        return night.atTime(LocalTime.parse(time)).atZone(NightlySchedule.ZONE).toInstant();
    }

    private static JobExecution finished(long id) throws InterruptedException {
        var jobs = BatchRuntime.getJobOperator();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JobExecution execution = jobs.getJobExecution(id);
        while (execution.getEndTime() == null && System.nanoTime() < deadline) {
            Thread.sleep(200);
            execution = jobs.getJobExecution(id);
        }
        return execution;
    }
}
