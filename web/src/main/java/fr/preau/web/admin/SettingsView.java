package fr.preau.web.admin;

import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.preau.settings.admin.SettingCatalog;
import fr.preau.settings.admin.SettingDefinition;
import fr.preau.settings.admin.SettingKind;
import fr.preau.settings.admin.SettingValue;
import fr.preau.settings.admin.SettingsAdministration;
import fr.preau.shared.InvalidInputException;
import fr.preau.web.shared.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/**
 * "Paramètres" (administrators): every academy setting, grouped, with its value (the default when none was set);
 * "Enregistrer" sends every value, the service checks them all and changes only those that differ.
 */
@Named
@ViewScoped
public class SettingsView implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String FORM = "settings";

    @EJB
    private SettingsAdministration administration;

    private List<SettingValue> settings;
    private final Map<String, String> values = new HashMap<>();

    @PostConstruct
    void init() {
        load();
    }

    private void load() {
        settings = administration.settings();
        values.clear();
        settings.forEach(s -> values.put(s.definition().name(), s.effective()));
    }

    public void save() {
        Map<String, String> typed = new LinkedHashMap<>();
        settings.stream().filter(s -> s.definition().editable())
                .forEach(s -> typed.put(s.definition().name(), values.get(s.definition().name())));
        try {
            List<String> changed = administration.change(typed);
            if (changed.isEmpty()) {
                Feedback.info("settings.unchanged");
            } else {
                Feedback.info("settings.saved", String.join(", ", changed.stream().map(this::label).toList()));
            }
            load();
        } catch (InvalidInputException e) {
            String text = reason(e);
            Feedback.error(null, "settings.invalid", label(e.field()), text);
            Feedback.error(FORM + ":" + inputId(e.field()), "settings.invalid", label(e.field()), text);
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** Why a value was refused, with the bounds of its setting. */
    private static String reason(InvalidInputException e) {
        SettingDefinition d = SettingCatalog.find(e.field()).orElse(null);
        String value = e.argument() == null ? "" : e.argument();
        if (d == null) {
            return Feedback.text(e.messageKey(), value);
        }
        return Feedback.text(e.messageKey(), value, bound(d, d.min()), bound(d, d.max()));
    }

    /** A bound as the help texts write it: a number, or a duration in days when it is whole days. */
    static String bound(SettingDefinition d, long bound) {
        if (d.kind() != SettingKind.DURATION) {
            return Long.toString(bound);
        }
        Duration duration = Duration.ofSeconds(bound);
        return bound > 0 && bound % Duration.ofDays(1).getSeconds() == 0 ? "P" + duration.toDays() + "D"
                : duration.toString();
    }

    /** The groups, in page order. */
    public List<String> getGroups() {
        return settings.stream().map(s -> s.definition().group()).distinct().toList();
    }

    public List<SettingValue> inGroup(String group) {
        return settings.stream().filter(s -> s.definition().group().equals(group)).toList();
    }

    public String label(String name) {
        return Feedback.text("settings." + name + ".label");
    }

    public String help(String name) {
        return Feedback.text("settings." + name + ".help");
    }

    /** The id of a setting's input: its name with letters, digits and hyphens only. */
    public String inputId(String name) {
        return "s-" + name.replaceAll("[^A-Za-z0-9-]", "-");
    }

    public Map<String, String> getValues() {
        return values;
    }
}
