package fr.preau.jobs;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import fr.preau.shared.InvalidInputException;

/**
 * When each nightly job starts (pure logic). The academy sets the hour of a job with the setting
 * {@code batch.<job>.at}: {@code HH:mm} (Europe/Paris) or {@code off}. A job is due from that hour until
 * {@link #CATCH_UP} later, so a server that was down at the hour still runs it the same night, but never in the
 * middle of the next day. A new nightly job is one more line in {@link #JOBS} (and its job XML).
 */
public final class NightlySchedule {
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    /** How long after its hour a job not yet started that night still starts. */
    public static final Duration CATCH_UP = Duration.ofHours(6);
    /** Written instead of an hour: the job does not run by itself (it can still be started from the jobs page). */
    public static final String OFF = "off";

    /** The nightly jobs and their default hour (Europe/Paris), in the order they are started. */
    public static final Map<String, LocalTime> JOBS = jobs();

    private static final Pattern HOUR = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    private NightlySchedule() {
    }

    private static Map<String, LocalTime> jobs() {
        Map<String, LocalTime> jobs = new LinkedHashMap<>();
        jobs.put("directory-import", LocalTime.of(1, 30));
        // After the HR import: a delegate it moves out of an establishment loses its functional mailboxes that night.
        jobs.put("delegation-expiry", LocalTime.of(2, 0));
        jobs.put("password-expiry", LocalTime.of(2, 15));
        jobs.put("audit-purge", LocalTime.of(2, 30));
        jobs.put("purge-large-files", LocalTime.of(2, 30));
        jobs.put("mail-archiving", LocalTime.of(3, 0));
        jobs.put("quota-sweep", LocalTime.of(4, 0));
        return Collections.unmodifiableMap(jobs);
    }

    /** The setting that holds the hour of {@code job}. */
    public static String setting(String job) {
        return "batch." + job + ".at";
    }

    /**
     * The hour written {@code value} for {@code job}: empty for {@code off}.
     *
     * @throws InvalidInputException (field: the setting's name) for an unknown job or a value that is neither
     *         {@code HH:mm} nor {@code off}
     */
    public static Optional<LocalTime> parse(String job, String value) {
        if (!JOBS.containsKey(job)) {
            throw new InvalidInputException(setting(job), "jobs.schedule.unknownJob", job);
        }
        String v = value == null ? "" : value.trim();
        if (OFF.equalsIgnoreCase(v)) {
            return Optional.empty();
        }
        if (!HOUR.matcher(v).matches()) {
            throw new InvalidInputException(setting(job), "jobs.schedule.invalidHour", v);
        }
        return Optional.of(LocalTime.parse(v));
    }

    /**
     * The night (the date of its hour, Europe/Paris) whose run of a job set at {@code at} is due at {@code now},
     * if any: from {@code at} included to {@code at + CATCH_UP} excluded, across midnight too.
     */
    public static Optional<LocalDate> dueNight(LocalTime at, ZonedDateTime now) {
        ZonedDateTime local = now.withZoneSameInstant(ZONE);
        for (LocalDate night : new LocalDate[] {local.toLocalDate(), local.toLocalDate().minusDays(1)}) {
            ZonedDateTime start = night.atTime(at).atZone(ZONE);
            if (!local.isBefore(start) && local.isBefore(start.plus(CATCH_UP))) {
                return Optional.of(night);
            }
        }
        return Optional.empty();
    }
}
