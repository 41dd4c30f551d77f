package fr.preau.agenda;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The recurrence of an event as the portal offers it: a frequency, and an end (a last day or a number of
 * occurrences; neither: without end). Other RRULEs (from CalDAV clients, later) are kept as they are in the
 * iCalendar data; {@link #of} then answers the nearest.
 *
 * @param frequency how often
 * @param until the last day an occurrence may start on, or null
 * @param count the number of occurrences, or null
 */
public record Repeat(Frequency frequency, LocalDate until, Integer count) implements Serializable {
    /** Not repeated. */
    public static final Repeat NONE = new Repeat(Frequency.NONE, null, null);

    public Repeat {
        frequency = frequency == null ? Frequency.NONE : frequency;
        if (frequency == Frequency.NONE) {
            until = null;
            count = null;
        }
    }

    /** Whether it repeats at all. */
    public boolean repeats() {
        return frequency != Frequency.NONE;
    }

    /**
     * The RRULE value (without UNTIL, which depends on the start's type; see {@link EventObject}); null when not
     * repeated.
     */
    String ruleWithoutEnd() {
        return switch (frequency) {
            case NONE -> null;
            case WEEKLY -> "FREQ=WEEKLY";
            case BIWEEKLY -> "FREQ=WEEKLY;INTERVAL=2";
            case MONTHLY -> "FREQ=MONTHLY";
        };
    }

    /** The repeat an RRULE value stands for (its FREQ, INTERVAL, COUNT and UNTIL; the rest ignored). */
    static Repeat of(String rrule, LocalDate untilDay) {
        if (rrule == null) {
            return NONE;
        }
        String freq = null;
        int interval = 1;
        Integer count = null;
        for (String part : rrule.toUpperCase(java.util.Locale.ROOT).split(";")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2) {
                switch (kv[0]) {
                    case "FREQ" -> freq = kv[1];
                    case "INTERVAL" -> interval = Integer.parseInt(kv[1]);
                    case "COUNT" -> count = Integer.valueOf(kv[1]);
                    default -> { }
                }
            }
        }
        Frequency f = "MONTHLY".equals(freq) ? Frequency.MONTHLY
                : "WEEKLY".equals(freq) && interval == 2 ? Frequency.BIWEEKLY : Frequency.WEEKLY;
        return new Repeat(f, untilDay, count);
    }
}
