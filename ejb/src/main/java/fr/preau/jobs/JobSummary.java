package fr.preau.jobs;

import java.io.Serializable;
import java.util.List;

/** A batch job and its last executions, newest first; {@code hour} is {@code HH:mm}, {@code off} or empty. */
public record JobSummary(String job, String hour, List<JobRun> runs) implements Serializable {
}
