package fr.preau.batch.directory;

import java.util.logging.Logger;

import fr.preau.batch.BatchRole;
import fr.preau.directory.DirectoryImport;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Last step of directory-import: disables the people the feed no longer names ({@link DirectoryImport#departures}),
 * unless they are too many or the feed named nobody; then the step's exit status says so and nobody is disabled.
 */
@Named("departuresBatchlet")
@Dependent
public class DeparturesBatchlet extends AbstractBatchlet {
    private static final Logger LOG = Logger.getLogger(DeparturesBatchlet.class.getName());

    @EJB
    private BatchRole batch;

    @EJB
    private DirectoryImport directory;

    @Inject
    private JobContext job;

    /** Share of the directory (percent) this import may disable; empty: the academy setting. */
    @Inject
    @BatchProperty
    private String maxDeparturesPercent;

    @Override
    public String process() {
        Integer limit = maxDeparturesPercent == null || maxDeparturesPercent.isBlank() ? null
                : Integer.valueOf(maxDeparturesPercent.trim());
        long run = job.getInstanceId();
        DirectoryImport.Departures d = batch.call(() -> directory.departures(run, limit));
        if (d.seen() == 0) {
            LOG.warning("directory-import named nobody: nobody disabled");
            return "NOTHING_READ";
        }
        if (d.refused()) {
            LOG.warning("directory-import: " + d.absent() + " of " + d.active() + " people absent from the feed, more"
                    + " than " + d.limitPercent() + " %: nobody disabled (a truncated export?); start the job with"
                    + " maxDeparturesPercent=100 if they really left");
            return "DEPARTURES_REFUSED " + d.absent() + " OF " + d.active() + " LIMIT " + d.limitPercent() + "%";
        }
        return "DISABLED " + d.absent();
    }
}
