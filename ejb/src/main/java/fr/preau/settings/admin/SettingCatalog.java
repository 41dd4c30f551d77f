package fr.preau.settings.admin;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.preau.jobs.NightlySchedule;

/**
 * Every academy setting the settings page shows (the README's table), in page order, with its group, kind, default
 * and bounds (pure logic). The defaults are those the code applies when no row exists; the bounds are what the
 * features can live with (docs/adr/0094).
 */
public final class SettingCatalog {
    public static final String NIGHTLY = "nightly";
    public static final String SECURITY = "security";
    public static final String PASSWORDS = "passwords";
    public static final String RECOVERY = "recovery";
    public static final String MAIL = "mail";
    public static final String DISCONNECT = "disconnect";
    public static final String LARGE_FILES = "large-files";
    public static final String SCHEDULE = "schedule";
    public static final String AUDIT = "audit";
    public static final String DIRECTORY = "directory";

    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    /** The settings, in page order. */
    public static final List<SettingDefinition> ALL = all();

    private SettingCatalog() {
    }

    /** The definition of a setting of the page. */
    public static Optional<SettingDefinition> find(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    private static List<SettingDefinition> all() {
        List<SettingDefinition> all = new ArrayList<>();
        for (Map.Entry<String, LocalTime> job : NightlySchedule.JOBS.entrySet()) {
            all.add(new SettingDefinition(NightlySchedule.setting(job.getKey()), NIGHTLY, SettingKind.JOB_HOUR,
                    job.getValue().toString(), 0, 0, true));
        }
        all.add(integer("identity.session.idle-minutes", SECURITY, 30, 5, 720));
        all.add(flag("identity.mfa.required-for-admins", SECURITY, false));
        all.add(duration("identity.reauth.max-age", SECURITY, "PT10M", 1, DAY));
        all.add(integer("identity.mail-password.max-failures", SECURITY, 5, 0, 9));
        all.add(duration("identity.mail-password.failure-window", SECURITY, "PT12H", MINUTE, 7 * DAY));
        all.add(integer("identity.password.expiry-days", PASSWORDS, 0, 0, 3650));
        all.add(integer("identity.password.expiry-warning-days", PASSWORDS, 14, 1, 90));
        all.add(integer("identity.provisional-password.days", PASSWORDS, 14, 1, 365));
        all.add(integer("identity.inactivity.days", PASSWORDS, 0, 0, 3650));
        all.add(integer("identity.inactivity.warning-days", PASSWORDS, 15, 1, 90));
        all.add(address("identity.recovery.sender", RECOVERY, "ne-pas-repondre@ac-preau.fr", true));
        all.add(integer("identity.recovery.max-per-hour", RECOVERY, 3, 1, 100));
        all.add(integer("identity.recovery.verification-max-per-hour", RECOVERY, 3, 1, 100));
        all.add(integer("mail.attachment.max-mb", MAIL, 10, 1, 100));
        all.add(integer("mail.archive.days", MAIL, 365, 0, 36500));
        all.add(address("mail.report.address", MAIL, "securite@ac-preau.fr", true));
        all.add(integer("mail.move.batch-size", MAIL, 200, 1, 5000));
        all.add(flag("mail.disconnect.enabled", DISCONNECT, true));
        all.add(time("mail.disconnect.start", "20:00"));
        all.add(time("mail.disconnect.end", "07:00"));
        all.add(time("mail.disconnect.morning", "07:30"));
        all.add(flag("mail.disconnect.weekends", DISCONNECT, true));
        all.add(flag("mail.disconnect.holidays", DISCONNECT, true));
        all.add(duration("mail.large-file.expiry", LARGE_FILES, "P30D", HOUR, 365 * DAY));
        all.add(integer("mail.large-file.max-mb", LARGE_FILES, 2048, 1, 2048));
        all.add(integer("mail.large-file.quota-mb", LARGE_FILES, 4096, 1, 1_048_576));
        all.add(integer("mail.large-file.max-concurrent", LARGE_FILES, 2, 1, 16));
        all.add(duration("mail.schedule.lease", SCHEDULE, "PT5M", MINUTE, HOUR));
        all.add(duration("mail.schedule.evidence-keep", SCHEDULE, "PT10M", MINUTE, 7 * DAY));
        all.add(address("mail.schedule.evidence-address", SCHEDULE, "preuve-envoi@preau.invalid", false));
        all.add(integer("audit.retention-days", AUDIT, 365, 180, 36500));
        all.add(integer("directory.import.max-departures-percent", DIRECTORY, 10, 0, 100));
        return Collections.unmodifiableList(all);
    }

    private static SettingDefinition integer(String name, String group, long defaultValue, long min, long max) {
        return new SettingDefinition(name, group, SettingKind.INTEGER, Long.toString(defaultValue), min, max, true);
    }

    private static SettingDefinition flag(String name, String group, boolean defaultValue) {
        return new SettingDefinition(name, group, SettingKind.BOOLEAN, Boolean.toString(defaultValue), 0, 0, true);
    }

    private static SettingDefinition time(String name, String defaultValue) {
        return new SettingDefinition(name, DISCONNECT, SettingKind.TIME, defaultValue, 0, 0, true);
    }

    private static SettingDefinition duration(String name, String group, String defaultValue, long min, long max) {
        return new SettingDefinition(name, group, SettingKind.DURATION, defaultValue, min, max, true);
    }

    private static SettingDefinition address(String name, String group, String defaultValue, boolean editable) {
        return new SettingDefinition(name, group, SettingKind.ADDRESS, defaultValue, 0, 0, editable);
    }
}
