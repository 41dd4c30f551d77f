package fr.preau.agenda;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The first common free slots of a day for a meeting (the free/busy grid, docs/adr/0108): between {@link #FROM} and
 * {@link #TO} (Paris wall clock), starting on a quarter hour, long enough for the meeting and meeting no busy block
 * of anyone. Pure logic ({@code FreeSlotsTest}).
 */
final class FreeSlots {
    /** The grid's day starts here… */
    static final LocalTime FROM = LocalTime.of(8, 0);
    /** …and ends here. */
    static final LocalTime TO = LocalTime.of(19, 0);
    private static final Duration STEP = Duration.ofMinutes(15);

    /** A busy time: {@code [start, end)}. */
    record Busy(LocalDateTime start, LocalDateTime end) {
    }

    private FreeSlots() {
    }

    /**
     * Up to {@code max} starts on {@code day} where a meeting of {@code length} fits between every busy block,
     * earliest first; after a busy block the next start is its end rounded up to the quarter hour.
     */
    static List<LocalDateTime> first(LocalDate day, Duration length, List<Busy> busy, int max) {
        List<LocalDateTime> out = new ArrayList<>();
        if (length.isZero() || length.isNegative()) {
            return out;
        }
        LocalDateTime end = day.atTime(TO);
        List<Busy> sorted = new ArrayList<>(busy);
        sorted.sort(Comparator.comparing(Busy::start));
        LocalDateTime t = day.atTime(FROM);
        while (out.size() < max && !t.plus(length).isAfter(end)) {
            LocalDateTime s = t;
            LocalDateTime e = t.plus(length);
            Busy clash = sorted.stream().filter(b -> b.start().isBefore(e) && b.end().isAfter(s)).findFirst()
                    .orElse(null);
            if (clash == null) {
                out.add(s);
                t = t.plus(length);
            } else {
                t = roundUp(clash.end(), day);
            }
        }
        return out;
    }

    private static LocalDateTime roundUp(LocalDateTime t, LocalDate day) {
        LocalDateTime base = day.atStartOfDay();
        long minutes = Duration.between(base, t).toMinutes();
        long step = STEP.toMinutes();
        long rounded = (minutes + step - 1) / step * step;
        LocalDateTime r = base.plusMinutes(rounded);
        return r.isAfter(t) || r.equals(t) ? r : r.plus(STEP);
    }
}
