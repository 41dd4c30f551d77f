package fr.preau.mail.quota;

import java.io.Serializable;
import java.time.LocalDate;

/** The storage of the reported mailboxes on one day: total used (KiB) and how many mailboxes have a snapshot. */
public record DailyUsage(LocalDate day, long usedKb, long mailboxes) implements Serializable {
}
