package fr.preau.batch.directory;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import fr.preau.directory.FeedFault;
import fr.preau.directory.FeedFile;
import fr.preau.directory.FeedRefused;
import fr.preau.directory.HrFeed;
import fr.preau.shared.Deployment;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Reads the HR feed one line at a time and checks it: an item is the person of a line ({@code HrLine}) or the fault
 * of a line ({@link FeedFault}), which never stops the job. Its checkpoint is the number of the last line of the
 * last committed chunk: a restart reads the file again from there. A file that is missing ends the step at once,
 * with the exit status {@code NO_FEED}; a file that cannot be used (a column missing, broken quoting) fails it.
 */
@Named("feedReader")
@Dependent
public class FeedReader extends AbstractItemReader {
    /** The feed's name when the job is given none. */
    static final String DEFAULT_FILE = "annuaire.csv";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    @Inject
    private StepContext step;

    /** The feed's file name in the feed folder ({@code Deployment.directoryFeedDir()}); default annuaire.csv. */
    @Inject
    @BatchProperty
    private String file;

    private FeedFile feed;
    private int last;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        last = checkpoint == null ? 0 : (Integer) checkpoint;
        Path path = feedPath(file);
        if (!Files.isRegularFile(path)) {
            step.setExitStatus("NO_FEED " + path.getFileName());
            return;
        }
        feed = FeedFile.open(path);
        Optional<FeedFile.Row> row = Optional.empty();
        if (last > 0) {
            do {
                row = feed.next(); // the lines the execution this one restarts already applied
            } while (row.isPresent() && row.get().line() < last);
        }
    }

    @Override
    public Object readItem() throws FeedRefused {
        if (feed == null) {
            return null;
        }
        Optional<FeedFile.Row> row = feed.next();
        if (row.isEmpty()) {
            return null;
        }
        last = row.get().line();
        try {
            return HrFeed.parse(last, row.get().cells());
        } catch (FeedFault fault) {
            return fault;
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }

    @Override
    public void close() throws IOException {
        if (feed != null) {
            feed.close();
        }
    }

    /** The feed named {@code name} in the feed folder; only a plain file name is accepted. */
    static Path feedPath(String name) {
        String n = name == null || name.isBlank() ? DEFAULT_FILE : name.strip();
        if (!NAME.matcher(n).matches() || n.contains("..")) {
            throw new IllegalArgumentException("directory-import: the parameter file must be a file name of the"
                    + " feed folder, not " + n);
        }
        return Deployment.directoryFeedDir().resolve(n);
    }
}
