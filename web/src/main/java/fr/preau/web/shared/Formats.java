package fr.preau.web.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Dates and sizes as a French reader expects them: today's mail shows the time, older mail the date. */
@Named
@ApplicationScoped
public class Formats {
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.FRENCH);
    private static final DateTimeFormatter FULL_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH:mm",
            Locale.FRENCH);

    public String shortDate(Instant instant) {
        return shortDate(instant, LocalDate.now(PARIS));
    }

    static String shortDate(Instant instant, LocalDate today) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime t = instant.atZone(PARIS);
        if (t.toLocalDate().equals(today)) {
            return TIME.format(t);
        }
        if (t.getYear() == today.getYear()) {
            return DAY.format(t);
        }
        return FULL_DAY.format(t);
    }

    public String longDate(Instant instant) {
        return instant == null ? "" : LONG.format(instant.atZone(PARIS));
    }

    /** 1 234 octets → "1 Ko"; French units. */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " o";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " Ko";
        }
        return String.format(Locale.FRENCH, "%.1f Mo", bytes / (1024.0 * 1024.0));
    }
}
