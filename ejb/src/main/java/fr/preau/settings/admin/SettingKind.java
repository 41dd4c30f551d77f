package fr.preau.settings.admin;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import fr.preau.shared.InvalidInputException;

/**
 * How a setting is written, and how a value typed by an administrator is checked and normalised (pure logic). A value
 * that does not fit is refused with a message key of {@code settings.error.*} whose arguments are the value typed,
 * then the lower and upper bounds.
 */
public enum SettingKind {
    /** A whole number between the definition's bounds. */
    INTEGER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A time of day, {@code HH:mm} (Europe/Paris). */
    TIME,
    /** An ISO-8601 duration ({@code PT10M}, {@code P30D}) between the definition's bounds, in seconds. */
    DURATION,
    /** A mail address. */
    ADDRESS,
    /** The hour a nightly job starts, {@code HH:mm} or {@code off}; checked by {@code NightlyRuns.schedule}. */
    JOB_HOUR;

    private static final Pattern HOUR = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern ADDRESS_FORM = Pattern.compile("[a-z0-9._%+'-]+@[a-z0-9-]+(\\.[a-z0-9-]+)+");

    /**
     * The value as it is stored, from what was typed (trimmed; booleans, durations and addresses in their usual
     * case; a duration as written, {@code P30D} stays {@code P30D}).
     *
     * @throws InvalidInputException (field: the setting's name) when the value does not fit
     */
    public String normalise(SettingDefinition setting, String typed) {
        String v = typed == null ? "" : typed.trim();
        return switch (this) {
            case INTEGER -> integer(setting, v);
            case BOOLEAN -> {
                if (!"true".equalsIgnoreCase(v) && !"false".equalsIgnoreCase(v)) {
                    throw refused(setting, "settings.error.boolean", v);
                }
                yield v.toLowerCase(Locale.ROOT);
            }
            case TIME, JOB_HOUR -> {
                if (this == JOB_HOUR && "off".equalsIgnoreCase(v)) {
                    yield "off";
                }
                if (!HOUR.matcher(v).matches()) {
                    throw refused(setting, this == TIME ? "settings.error.time" : "settings.error.jobHour", v);
                }
                yield v;
            }
            case DURATION -> duration(setting, v);
            case ADDRESS -> {
                String lower = v.toLowerCase(Locale.ROOT);
                if (lower.length() > 254 || !ADDRESS_FORM.matcher(lower).matches()) {
                    throw refused(setting, "settings.error.address", v);
                }
                yield lower;
            }
        };
    }

    private static String integer(SettingDefinition setting, String v) {
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw refused(setting, "settings.error.integer", v);
        }
        if (n < setting.min() || n > setting.max()) {
            throw refused(setting, "settings.error.integer", v);
        }
        return Long.toString(n);
    }

    private static String duration(SettingDefinition setting, String v) {
        String upper = v.toUpperCase(Locale.ROOT);
        Duration d;
        try {
            d = Duration.parse(upper);
        } catch (DateTimeParseException e) {
            throw refused(setting, "settings.error.duration", v);
        }
        if (d.getSeconds() < setting.min() || d.getSeconds() > setting.max()) {
            throw refused(setting, "settings.error.duration", v);
        }
        return upper;
    }

    private static InvalidInputException refused(SettingDefinition setting, String key, String value) {
        return new InvalidInputException(setting.name(), key, value);
    }
}
