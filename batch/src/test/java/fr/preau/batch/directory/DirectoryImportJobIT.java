package fr.preau.batch.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import fr.preau.batch.archive.ArchiveJobRuns;
import fr.preau.directory.HrFeed;
import fr.preau.testing.ItArchive;
import fr.preau.testing.WildFlyRestart;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The nightly job directory-import in a real WildFly against the real PostgreSQL (issue 12, DIR-4 and JOB-4;
 * docs/adr/0099): the sample feed (test resource {@code directory/annuaire-exemple.csv}, faults included) creates
 * its people and establishments and links the account of an academic address; each faulty line is reported by
 * line and never stops the job; a second run changes nothing; a person absent from the next feed is disabled, not
 * deleted, and comes back when named again; a feed that would disable too many people, or that is missing, disables
 * nobody; a stopped import restarted from its checkpoint ends as an uninterrupted one.
 */
@ExtendWith(ArquillianExtension.class)
class DirectoryImportJobIT {
    private static final String JOB = "directory-import";

    @EJB
    private DirectoryFixture fixture;

    /** A matricule prefix of this test's people (the table is shared by every run of the suite). */
    private final String run = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("directory-import-it.war").deleteClass(WildFlyRestart.class)
                .addAsResource("META-INF/batch-jobs/directory-import.xml")
                .addAsResource("directory/annuaire-exemple.csv");
    }

    @Test
    void theFeedIsImportedFaultsAreReportedByLineAndASecondRunChangesNothing() throws Exception {
        String helene = "it.dir." + run.toLowerCase();
        String address = "helene.martin@ac-preau.fr".replace("helene.martin", helene);
        fixture.account(helene, address, "0999001Z");
        List<String> lines = sample(address);
        fixture.feed(run + ".csv", lines);
        long mathematics = fixture.mathematicsList("it-diffusion-maths-038@ac-preau.fr");

        long first = runJob(run + ".csv", 3, 100);
        assertTrue(fixture.member(mathematics, helene), "the disciplinary list follows the import: " + exit(first,
                "lists"));
        assertEquals("CREATED 5 UPDATED 0 UNCHANGED 0 FAULTS 5 LINES [7, 8, 9, 10, 11]", exit(first, "people"));
        long instance = BatchRuntime.getJobOperator().getJobInstance(first).getInstanceId();
        assertEquals(List.of("7:directory.import.fault.function", "8:directory.import.fault.missing",
                "9:directory.import.fault.uai", "10:directory.import.fault.phone",
                "11:directory.import.fault.duplicate"), fixture.faults(instance));
        assertEquals("Martin|Hélène|ENS|Mathématiques|0380089T|04 76 12 34 56|06 12 34 56 78|" + address + "|"
                + helene + "|false", fixture.person(run + "01"));
        assertEquals("D'Arc|Jeanne|CPE|-|0380089T|04 76 12 34 57|-|jeanne.darc@ac-preau.fr|-|false",
                fixture.person(run + "02"));
        assertEquals("Lefèvre-Durand|Œdipe|ENS|Lettres classiques|0380090U|04 76 00 00 01|-|"
                + "oedipe.lefevre-durand@ac-preau.fr|-|false", fixture.person(run + "04"));
        assertNull(fixture.person(run + "06"), "a faulty line writes nothing");
        assertEquals("Lycée Stendhal; site Bayard|Grenoble|Lycée|Grenoble 2", fixture.establishment("0380090U"));
        assertEquals("0380089T", fixture.accountEstablishment(helene), "the account follows its person");

        long second = runJob(run + ".csv", 200, 100);
        assertEquals("CREATED 0 UPDATED 0 UNCHANGED 5 FAULTS 5 LINES [7, 8, 9, 10, 11]", exit(second, "people"));
        assertEquals(5, fixture.people(run)[1]);
        assertEquals("LISTS 0", exit(second, "lists"), "the lists' step changes nothing the second time");
    }

    @Test
    void aPersonWhoLeftIsDisabledNotDeletedAndTooManyDeparturesDisableNobody() throws Exception {
        List<String> all = sample("helene.martin@ac-preau.fr");
        fixture.feed(run + "-tous.csv", all);
        runJob(run + "-tous.csv", 200, 100);
        assertEquals(5, fixture.people(run)[1]);

        List<String> withoutLuc = new ArrayList<>(all);
        withoutLuc.removeIf(l -> l.startsWith(run + "05;"));
        fixture.feed(run + "-sans-luc.csv", withoutLuc);
        long left = runJob(run + "-sans-luc.csv", 200, 100);
        assertTrue(exit(left, "departures").startsWith("DISABLED "), exit(left, "departures"));
        assertEquals(5, fixture.people(run)[0], "kept");
        assertEquals(4, fixture.people(run)[1], "disabled");
        assertTrue(fixture.person(run + "05").endsWith("|true"));

        fixture.feed(run + "-tronque.csv", all.subList(0, 2));
        long truncated = runJob(run + "-tronque.csv", 200, 10);
        assertTrue(exit(truncated, "departures").startsWith("DEPARTURES_REFUSED "), exit(truncated, "departures"));
        assertEquals(4, fixture.people(run)[1], "nobody disabled by a truncated feed");

        fixture.feed(run + "-vide.csv", List.of(all.get(0)));
        assertEquals("NOTHING_READ", exit(runJob(run + "-vide.csv", 200, 100), "departures"));
        assertEquals("NO_FEED absent-" + run + ".csv", exit(runJob("absent-" + run + ".csv", 200, 100), "people"));
        assertEquals(4, fixture.people(run)[1], "nobody disabled without a feed");

        long back = runJob(run + "-tous.csv", 200, 100);
        assertEquals("CREATED 0 UPDATED 1 UNCHANGED 4 FAULTS 5 LINES [7, 8, 9, 10, 11]", exit(back, "people"));
        assertEquals(5, fixture.people(run)[1], "Luc is back");

        JobOperator jobs = BatchRuntime.getJobOperator();
        Properties crafted = new Properties();
        crafted.setProperty("file", "../../configuration/standalone.xml");
        assertEquals(BatchStatus.FAILED, awaitEnd(jobs.start(JOB, crafted)).getBatchStatus(),
                "only a file of the feed folder");
    }

    @Test
    void aStoppedImportRestartedFromItsCheckpointEndsAsAnUninterruptedOne() throws Exception {
        int size = 3000;
        List<String> lines = new ArrayList<>();
        lines.add(String.join(";", HrFeed.COLUMNS));
        for (int i = 0; i < size; i++) {
            lines.add(String.format("%s%05d;Nom%05d;Prénom;ENS;Anglais;0380089T;Collège Champollion;Collège;"
                    + "Grenoble;Grenoble 1;;;", run, i, i));
        }
        fixture.feed(run + "-grand.csv", lines);
        JobOperator jobs = BatchRuntime.getJobOperator();
        long started = jobs.start(JOB, parameters(run + "-grand.csv", 50, 100));
        while (fixture.people(run)[0] == 0 && jobs.getJobExecution(started).getEndTime() == null) {
            Thread.sleep(20); // until the first chunk committed
        }
        jobs.stop(started);
        assertEquals(BatchStatus.STOPPED, awaitEnd(started).getBatchStatus(), exit(started, "people"));
        long before = fixture.people(run)[0];
        assertTrue(before > 0 && before < size, "stopped in the middle: " + before);

        long restarted = jobs.restart(started, parameters(run + "-grand.csv", 50, 100));
        assertEquals(BatchStatus.COMPLETED, awaitEnd(restarted).getBatchStatus(), exit(restarted, "people"));
        assertEquals("CREATED " + size + " UPDATED 0 UNCHANGED 0 FAULTS 0", exit(restarted, "people"),
                "each line applied once over both executions");
        assertEquals(size, fixture.people(run)[1]);
    }

    /** The sample feed with this run's matricules, and Hélène's address {@code address}. */
    private List<String> sample(String address) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/directory/annuaire-exemple.csv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("E1000", run).replace("helene.martin@ac-preau.fr", address);
            return Arrays.asList(text.split("\n"));
        }
    }

    private static Properties parameters(String file, int itemCount, int maxDeparturesPercent) {
        Properties p = new Properties();
        p.setProperty("file", file);
        p.setProperty("itemCount", Integer.toString(itemCount));
        p.setProperty("maxDeparturesPercent", Integer.toString(maxDeparturesPercent));
        return p;
    }

    private long runJob(String file, int itemCount, int maxDeparturesPercent) throws InterruptedException {
        long execution = BatchRuntime.getJobOperator().start(JOB, parameters(file, itemCount, maxDeparturesPercent));
        assertEquals(BatchStatus.COMPLETED, awaitEnd(execution).getBatchStatus(), exit(execution, "people"));
        return execution;
    }

    private static JobExecution awaitEnd(long execution) throws InterruptedException {
        return ArchiveJobRuns.awaitEnd(execution, Duration.ofMinutes(3));
    }

    static String exit(long execution, String stepName) {
        for (StepExecution step : BatchRuntime.getJobOperator().getStepExecutions(execution)) {
            if (stepName.equals(step.getStepName())) {
                return step.getExitStatus();
            }
        }
        return "";
    }
}
