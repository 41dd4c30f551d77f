package fr.preau.batch.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;

import fr.preau.batch.archive.ArchiveJobRuns;
import fr.preau.directory.HrFeed;
import fr.preau.testing.ItArchive;
import fr.preau.testing.TestEnv;
import fr.preau.testing.WildFlyRestart;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The directory import under {@code kill -9} (issue 12, DIR-4 and JOB-4; ADR 0099): WildFly is killed at a random
 * point of an import of several thousand lines, started again, and the execution restarted from its checkpoint ends
 * as an uninterrupted run would: every person of the feed once, created once over both executions, and a run of
 * the same feed afterwards finds every row as the feed says (nothing to create or update).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectoryImportKillIT {
    private static final String JOB = "directory-import";
    private static final String PREFIX = "K";
    private static final int PEOPLE = 5000;
    private static final String FEED = "annuaire-kill.csv";
    private static final String RUN_FILE = "directory-kill-run.txt";

    @EJB
    private DirectoryFixture fixture;

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("directory-import-kill-it.war").deleteClass(WildFlyRestart.class)
                .addAsResource("META-INF/batch-jobs/directory-import.xml");
    }

    private static Path runFile() {
        return Path.of(TestEnv.get("PREAU_HOME"), RUN_FILE);
    }

    @Test
    @Order(1)
    void anImportStartsOverSeveralThousandLines() throws Exception {
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        List<String> lines = new ArrayList<>();
        lines.add(String.join(";", HrFeed.COLUMNS));
        for (int i = 0; i < PEOPLE; i++) {
            lines.add(String.format("%s%s%05d;Nom%05d;Prénom;ENS;Lettres;0380089T;Collège Champollion;Collège;"
                    + "Grenoble;;04 76 00 %02d %02d;;", PREFIX, run, i, i, i / 100 % 100, i % 100));
        }
        fixture.feed(FEED, lines);
        long execution = BatchRuntime.getJobOperator().start(JOB, parameters());
        Files.writeString(runFile(), execution + " " + PREFIX + run);
        int target = PEOPLE / 10 + new Random().nextInt(PEOPLE / 2);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (fixture.people(PREFIX + run)[0] < target && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long now = fixture.people(PREFIX + run)[0];
        assertTrue(now >= target && now < PEOPLE, "killed in the middle: " + now + " of " + PEOPLE);
    }

    @Test
    @Order(2)
    @RunAsClient
    void wildflyIsKilledInTheMiddle(@ArquillianResource URL base) throws Exception {
        WildFlyRestart server = WildFlyRestart.current();
        server.kill();
        server.start(base.toString(), new File("target/wildfly-directory-killed.log"));
    }

    @Test
    @Order(3)
    void theRestartedImportEndsAsAnUninterruptedOne() throws Exception {
        String[] saved = Files.readString(runFile()).strip().split(" ");
        long execution = Long.parseLong(saved[0]);
        String prefix = saved[1];
        assertNotEquals(BatchStatus.COMPLETED, BatchRuntime.getJobOperator().getJobExecution(execution)
                .getBatchStatus(), "the kill cut the import");
        Properties restart = parameters();
        restart.setProperty("jberet.restart.mode", "detect");
        long restarted = BatchRuntime.getJobOperator().restart(execution, restart);
        JobExecution done = ArchiveJobRuns.awaitEnd(restarted, Duration.ofMinutes(3));
        assertEquals(BatchStatus.COMPLETED, done.getBatchStatus(), DirectoryImportJobIT.exit(restarted, "people"));
        assertEquals("CREATED " + PEOPLE + " UPDATED 0 UNCHANGED 0 FAULTS 0",
                DirectoryImportJobIT.exit(restarted, "people"), "each line applied once over both executions");
        assertEquals(PEOPLE, fixture.people(prefix)[1], "every person once");

        long again = BatchRuntime.getJobOperator().start(JOB, parameters());
        assertEquals(BatchStatus.COMPLETED, ArchiveJobRuns.awaitEnd(again, Duration.ofMinutes(3)).getBatchStatus());
        String exit = DirectoryImportJobIT.exit(again, "people");
        assertTrue(exit.startsWith("CREATED 0 UPDATED 0 UNCHANGED " + PEOPLE + " FAULTS 0"),
                "every row as the feed says: " + exit);
        Files.deleteIfExists(runFile());
    }

    private static Properties parameters() {
        Properties p = new Properties();
        p.setProperty("file", FEED);
        p.setProperty("itemCount", "100");
        p.setProperty("maxDeparturesPercent", "100");
        return p;
    }
}
