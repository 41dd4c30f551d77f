package fr.preau.settings.admin;

import java.io.Serializable;

/** A setting and its value now: {@code value} is the stored one, or null when the default applies. */
public record SettingValue(SettingDefinition definition, String value) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What applies: the stored value, or the default. */
    public String effective() {
        return value == null ? definition.defaultValue() : value;
    }
}
