package fr.preau.batch.directory;

import java.util.ArrayList;
import java.util.List;

import fr.preau.batch.BatchRole;
import fr.preau.directory.DirectoryImport;
import fr.preau.directory.FeedFault;
import fr.preau.directory.HrLine;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Applies a chunk of the feed ({@link DirectoryImport#apply}) in the chunk's transaction, so its people, its faults
 * and the checkpoint commit together; the import is known by its job instance, which a restart keeps.
 */
@Named("feedWriter")
@Dependent
public class FeedWriter extends AbstractItemWriter {
    @EJB
    private BatchRole batch;

    @EJB
    private DirectoryImport directory;

    @Inject
    private JobContext job;

    @Inject
    private StepContext step;

    @Override
    public void writeItems(List<Object> items) {
        List<HrLine> lines = new ArrayList<>();
        List<FeedFault> faults = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof HrLine line) {
                lines.add(line);
            } else {
                faults.add((FeedFault) item);
            }
        }
        long run = job.getInstanceId();
        DirectoryImport.Applied applied = batch.call(() -> directory.apply(lines, faults, run));
        DirectoryCounts counts = step.getPersistentUserData() instanceof DirectoryCounts c ? c : new DirectoryCounts();
        counts.add(applied);
        step.setPersistentUserData(counts);
        step.setExitStatus(counts.exitStatus());
    }
}
