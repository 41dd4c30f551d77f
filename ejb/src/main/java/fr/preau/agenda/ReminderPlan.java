package fr.preau.agenda;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * When the reminder of an event falls (pure logic, docs/adr/0111): for every occurrence of the object (a moved one at
 * its new time, a deleted one never), {@code minutes} before its start in Europe/Paris; "1 jour avant" is the same
 * wall-clock time the day before (24 or 25 hours across a change of time), and for an all-day event the midnight
 * before its day.
 */
final class ReminderPlan {
    /** The choices of the event dialog, in minutes: 10 minutes, 30 minutes, 1 hour, 1 day. */
    static final List<Integer> CHOICES = List.of(10, 30, 60, 1440);

    private static final int DAY = 1440;
    private static final Duration STEP = Duration.ofDays(62);
    /** Occurrences further than this (about ten years) are not looked for: no reminder left. */
    private static final int MAX_STEPS = 60;

    private ReminderPlan() {
    }

    /**
     * The occurrence to remind next and when.
     *
     * @param occurrence its start (wall clock), which names it in {@code agenda_reminder_sent}
     * @param at the instant the reminder falls
     * @param details the occurrence (title, place, times) as the object says at the time of computing
     */
    record Due(LocalDateTime occurrence, Instant at, Occurrence details) {
    }

    /** The instant of the reminder {@code minutes} before an occurrence starting at {@code start} (wall clock). */
    static Instant dueAt(LocalDateTime start, int minutes) {
        ZonedDateTime z = start.atZone(EventObject.PARIS);
        return (minutes % DAY == 0 ? z.minusDays(minutes / DAY) : z.minusMinutes(minutes)).toInstant();
    }

    /** The first occurrence of {@code o} whose reminder falls at or after {@code from}, if any. */
    static Optional<Due> next(EventObject o, int minutes, Instant from) {
        LocalDateTime cursor = LocalDateTime.ofInstant(from, EventObject.PARIS).minusHours(1);
        LocalDateTime first = LocalDateTime.ofInstant(o.firstStart(), EventObject.PARIS).minusHours(1);
        if (first.isAfter(cursor)) {
            cursor = first;
        }
        Optional<Instant> last = o.lastEnd();
        for (int i = 0; i < MAX_STEPS; i++) {
            if (last.isPresent() && !cursor.atZone(EventObject.PARIS).toInstant().isBefore(last.get())) {
                return Optional.empty();
            }
            LocalDateTime to = cursor.plus(STEP);
            Due best = null;
            for (Occurrence occ : o.expand(cursor, to)) {
                Instant at = dueAt(occ.start(), minutes);
                if (!occ.start().isBefore(cursor) && !at.isBefore(from) && (best == null || at.isBefore(best.at()))) {
                    best = new Due(occ.start(), at, occ);
                }
            }
            if (best != null) {
                return Optional.of(best);
            }
            cursor = to;
        }
        return Optional.empty();
    }
}
