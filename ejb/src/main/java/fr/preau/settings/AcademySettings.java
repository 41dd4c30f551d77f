package fr.preau.settings;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The academy's settings (table {@code academy_setting}): one row per setting that differs from its default. Each
 * feature declares its own names and defaults where it uses them, for example
 * {@code settings.integer("mail.attachment.max-mb", 10)}. A value that does not parse is logged and the default
 * used, so a typo in the administration never breaks a page. The administration area (a later issue) writes them
 * with {@link #put}.
 */
@Stateless
@PermitAll
public class AcademySettings {
    private static final Logger LOG = Logger.getLogger(AcademySettings.class.getName());

    @Inject
    private SettingRows rows;

    public Optional<String> text(String name) {
        return rows.value(name);
    }

    public String text(String name, String defaultValue) {
        return text(name).orElse(defaultValue);
    }

    public int integer(String name, int defaultValue) {
        return parse(name, defaultValue, Integer::parseInt);
    }

    public long longValue(String name, long defaultValue) {
        return parse(name, defaultValue, Long::parseLong);
    }

    public boolean bool(String name, boolean defaultValue) {
        return parse(name, defaultValue, v -> {
            if (!"true".equalsIgnoreCase(v) && !"false".equalsIgnoreCase(v)) {
                throw new IllegalArgumentException(v);
            }
            return Boolean.parseBoolean(v);
        });
    }

    /** A time of day written {@code HH:mm}. */
    public LocalTime time(String name, LocalTime defaultValue) {
        return parse(name, defaultValue, LocalTime::parse);
    }

    /** A duration written in ISO-8601 ({@code PT30M}, {@code P30D}). */
    public Duration duration(String name, Duration defaultValue) {
        return parse(name, defaultValue, Duration::parse);
    }

    /**
     * Sets (or with {@code null} removes) a setting. An academy administrator's decision only: the settings bound
     * security (rate limits, session length, MFA for administrators), so reading them is open to every bean but
     * writing is not.
     */
    @RolesAllowed("admin")
    public void put(String name, String value) {
        if (value == null) {
            rows.remove(name);
            return;
        }
        rows.put(name, value);
    }

    private <T> T parse(String name, T defaultValue, java.util.function.Function<String, T> parser) {
        Optional<String> raw = text(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            return parser.apply(raw.get().trim());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            LOG.warning("Academy setting " + name + "='" + raw.get() + "' is not valid: default " + defaultValue
                    + " used");
            return defaultValue;
        }
    }
}
