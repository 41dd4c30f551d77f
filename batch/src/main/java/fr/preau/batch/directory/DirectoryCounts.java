package fr.preau.batch.directory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import fr.preau.directory.DirectoryImport;

/**
 * What an execution of directory-import did so far, kept in the step's persistent user data (saved with each
 * checkpoint, so a restarted execution goes on counting) and written as the step's exit status.
 */
final class DirectoryCounts implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Lines named in the exit status at most (it is a column of 2,000 characters); the rest are on the report. */
    private static final int NAMED = 20;

    private int created;
    private int updated;
    private int unchanged;
    private int faults;
    private final List<Integer> faultLines = new ArrayList<>();

    void add(DirectoryImport.Applied applied) {
        created += applied.created();
        updated += applied.updated();
        unchanged += applied.unchanged();
        faults += applied.faultLines().size();
        for (Integer line : applied.faultLines()) {
            if (faultLines.size() < NAMED) {
                faultLines.add(line);
            }
        }
    }

    /** {@code CREATED a UPDATED b UNCHANGED c FAULTS d [lines]}. */
    String exitStatus() {
        StringBuilder s = new StringBuilder("CREATED ").append(created).append(" UPDATED ").append(updated)
                .append(" UNCHANGED ").append(unchanged).append(" FAULTS ").append(faults);
        if (!faultLines.isEmpty()) {
            s.append(" LINES ").append(faultLines);
        }
        return s.toString();
    }
}
