package fr.preau.settings.admin;

import java.io.Serializable;

/**
 * One academy setting as the settings page shows it: its name (table {@code academy_setting}), its group on the
 * page, how it is written, its default (what applies when no row exists) and its bounds (numbers; seconds for
 * durations); a setting tied to the mail servers' configuration is shown, not {@code editable}. Labels and help
 * texts are the web bundle's {@code settings.<name>.label} and {@code .help}.
 */
public record SettingDefinition(String name, String group, SettingKind kind, String defaultValue, long min, long max,
        boolean editable) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The value as it is stored, from what was typed; see {@link SettingKind#normalise}. */
    public String normalise(String typed) {
        return kind.normalise(this, typed);
    }
}
