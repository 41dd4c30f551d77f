package fr.preau.directory;

import java.util.ArrayList;
import java.util.List;

import fr.preau.settings.AcademySettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * What the nightly job {@code directory-import} does with the HR feed (DIR-4, JOB-4; docs/adr/0099): each chunk of
 * lines creates or updates people and their establishments in the job's transaction, records the lines at fault,
 * and at the end disables the people the feed no longer names, unless they are too many (a truncated export must
 * not empty the directory). Role {@code batch} only.
 */
@Stateless
@RolesAllowed("batch")
public class DirectoryImport {
    /** Share of the directory (percent) one import may disable at most; above it, nobody is disabled. */
    public static final String MAX_DEPARTURES_PERCENT = "directory.import.max-departures-percent";

    @Inject
    private DirectoryRows rows;

    @EJB
    private AcademySettings settings;

    /** What one chunk did, with the lines at fault. */
    public record Applied(int created, int updated, int unchanged, List<Integer> faultLines) {
    }

    /**
     * What the end of an import did: {@code absent} people disabled, or none when {@code refused} (more than
     * {@code limitPercent} of the {@code active} ones) or when the import named nobody ({@code seen} 0: no feed,
     * or only faulty lines).
     */
    public record Departures(long active, long seen, long absent, boolean refused, int limitPercent) {
    }

    /**
     * Applies the checked lines of a chunk and records its faults, for the import {@code run} (its job instance);
     * a matricule already written by this import from another line is a fault of the later line.
     */
    public Applied apply(List<HrLine> lines, List<FeedFault> faults, long run) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<Integer> faulty = new ArrayList<>();
        for (FeedFault f : faults) {
            rows.fault(run, f);
            faulty.add(f.line());
        }
        for (HrLine line : lines) {
            rows.establishment(line);
            switch (rows.person(line, run)) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case DUPLICATE -> {
                    rows.fault(run, new FeedFault(line.line(), line.hrId(), "directory.import.fault.duplicate",
                            line.hrId()));
                    faulty.add(line.line());
                }
                default -> throw new IllegalStateException();
            }
        }
        faulty.sort(null);
        return new Applied(created, updated, unchanged, faulty);
    }

    /**
     * Disables the people the import {@code run} did not name, unless they are more than {@code limitPercent} of
     * the directory (null: the academy setting, 10 by default) or the import named nobody: then nobody is disabled.
     */
    public Departures departures(long run, Integer limitPercent) {
        int limit = limitPercent != null ? limitPercent : settings.integer(MAX_DEPARTURES_PERCENT, 10);
        long active = rows.active();
        long seen = rows.seenBy(run);
        long absent = rows.absentFrom(run);
        if (seen == 0 || absent > 0 && absent * 100 > (long) limit * active) {
            return new Departures(active, seen, absent, true, limit);
        }
        rows.disableAbsentFrom(run);
        return new Departures(active, seen, absent, false, limit);
    }

    /** The faults of the import {@code run}, by line, at most {@code limit}. */
    public List<FeedFault> faults(long run, int limit) {
        return rows.faults(run, limit);
    }
}
