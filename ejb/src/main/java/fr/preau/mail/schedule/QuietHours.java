package fr.preau.mail.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The right to disconnect (droit à la déconnexion) as the academy sets it: quiet from {@code start} to {@code end}
 * (across midnight when start is after end; all day when both are equal), on weekends and, optionally, on French
 * public holidays. Outside working time the portal proposes the next working morning at {@code morning}. Pure logic,
 * computed in the academy's time zone (Europe/Paris), so summer/winter time changes are handled by java.time.
 */
public record QuietHours(LocalTime start, LocalTime end, LocalTime morning, boolean weekends, boolean holidays,
        ZoneId zone) {
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Whether sending at {@code now} falls in quiet time. */
    public boolean isQuiet(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        if (!isWorkingDay(local.toLocalDate())) {
            return true;
        }
        LocalTime t = local.toLocalTime();
        if (start.equals(end)) {
            return true;
        }
        if (start.isAfter(end)) {
            return !t.isBefore(start) || t.isBefore(end);
        }
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** The next working morning after {@code now} (today's, when it is still ahead), or empty when not quiet. */
    public Optional<ZonedDateTime> proposal(Instant now) {
        if (!isQuiet(now)) {
            return Optional.empty();
        }
        return Optional.of(nextMorning(now));
    }

    /** The first working day's {@code morning} strictly after {@code now}. */
    public ZonedDateTime nextMorning(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (!local.toLocalTime().isBefore(morning)) {
            day = day.plusDays(1);
        }
        for (int i = 0; i < 30 && !isWorkingDay(day); i++) {
            day = day.plusDays(1);
        }
        return ZonedDateTime.of(day, morning, zone);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (weekends && (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY)) {
            return false;
        }
        return !(holidays && FrenchHolidays.isHoliday(day));
    }
}
