package fr.preau.batch.largefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;

import fr.preau.batch.BatchArchive;
import fr.preau.testing.TestEnv;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The nightly job purge-large-files in a real WildFly (JBeret, job repository in PostgreSQL): the files of expired
 * links and of uploads never finished are deleted and their rows marked, with their download counts kept; a link
 * still valid keeps its file.
 */
@ExtendWith(ArquillianExtension.class)
class PurgeLargeFilesJobIT {
    @Deployment
    static WebArchive deployment() {
        return BatchArchive.purgeLargeFiles("purge-large-files-it.war");
    }

    @EJB
    private LargeFileRows rows;

    @Test
    void expiredFilesAreDeletedAndTheirRowsKept() throws Exception {
        String owner = "it.purge@" + TestEnv.domain();
        long expired = rows.stored(owner, true, "-1 day");
        long abandoned = rows.stored(owner, false, "-1 minute");
        long valid = rows.stored(owner, true, "29 days");
        assertTrue(rows.fileExists(expired));

        JobOperator jobs = BatchRuntime.getJobOperator();
        Properties parameters = new Properties();
        parameters.setProperty("batchSize", "1");
        long execution = jobs.start("purge-large-files", parameters);
        JobExecution result = jobs.getJobExecution(execution);
        for (int i = 0; i < 60 && result.getEndTime() == null; i++) {
            Thread.sleep(500);
            result = jobs.getJobExecution(execution);
        }
        assertEquals(BatchStatus.COMPLETED, result.getBatchStatus());

        assertFalse(rows.fileExists(expired), "expired link's file deleted");
        assertTrue(rows.markedDeleted(expired));
        assertEquals(3, rows.downloads(expired), "the row and its count stay");
        assertFalse(rows.fileExists(abandoned), "unfinished upload deleted");
        assertTrue(rows.markedDeleted(abandoned));
        assertTrue(rows.fileExists(valid), "a valid link keeps its file");
        assertFalse(rows.markedDeleted(valid));
        assertTrue(jobs.getStepExecutions(execution).get(0).getExitStatus().startsWith("PURGED "));
    }
}
