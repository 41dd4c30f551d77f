package fr.preau.settings.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.jobs.NightlyRuns;
import fr.preau.settings.AcademySettings;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * The settings page (issue 11, item 4; docs/adr/0094): the academy settings of {@link SettingCatalog} with their
 * values, and their change by an academy administrator only. Every value is checked before anything is written; a
 * value that does not fit changes nothing. Each change is audited ({@link AuditAction#ADMIN_ACTION}, subject the
 * setting, detail {@code setting <name>: <before> -> <after>}); the hours of the nightly jobs go through
 * {@link NightlyRuns#schedule}, which checks and audits them.
 */
@Stateless
@ServiceBoundary
@RolesAllowed("admin")
public class SettingsAdministration {
    private static final String JOB_PREFIX = "batch.";
    private static final String JOB_SUFFIX = ".at";

    @EJB
    private AcademySettings settings;

    @EJB
    private NightlyRuns nightly;

    @Resource
    private SessionContext context;

    @Inject
    private Event<AuditEvent> audit;

    /** Every setting of the page, in page order, with its stored value (null: the default applies). */
    public List<SettingValue> settings() {
        List<SettingValue> values = new ArrayList<>();
        for (SettingDefinition d : SettingCatalog.ALL) {
            values.add(new SettingValue(d, settings.text(d.name()).orElse(null)));
        }
        return values;
    }

    /**
     * Applies the values typed on the page (setting name to value; a blank value brings the default back). Values
     * equal to what applies already are left alone (not written, not audited).
     *
     * @return the names of the settings changed, in page order
     * @throws InvalidInputException (field: the setting's name) for an unknown setting, a setting that is not
     *     editable, or a value that does not fit its kind and bounds ({@code settings.error.*}, argument: the value);
     *     nothing is changed then
     */
    public List<String> change(Map<String, String> typed) {
        for (String name : typed.keySet()) {
            if (SettingCatalog.find(name).isEmpty()) {
                throw new InvalidInputException(name, "settings.error.unknown", name);
            }
        }
        Map<SettingDefinition, String> changes = new LinkedHashMap<>();
        for (SettingDefinition d : SettingCatalog.ALL) {
            if (!typed.containsKey(d.name())) {
                continue;
            }
            String raw = typed.get(d.name());
            String current = settings.text(d.name()).orElse(null);
            String next = raw == null || raw.isBlank() ? null : d.normalise(raw);
            String effectiveNow = current == null ? d.defaultValue() : current;
            String effectiveNext = next == null ? d.defaultValue() : next;
            if (Objects.equals(current, next) || next != null && (effectiveNow.equals(effectiveNext)
                    || next.equals(normalisedOrNull(d, current)))) {
                continue;
            }
            if (!d.editable()) {
                throw new InvalidInputException(d.name(), "settings.error.readOnly", raw);
            }
            changes.put(d, next);
        }
        changes.forEach(this::apply);
        return changes.keySet().stream().map(SettingDefinition::name).toList();
    }

    /** A stored value as the page would store it, or null when it does not fit (written by hand). */
    private static String normalisedOrNull(SettingDefinition d, String stored) {
        try {
            return stored == null ? null : d.normalise(stored);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    private void apply(SettingDefinition d, String next) {
        if (d.kind() == SettingKind.JOB_HOUR) {
            String job = d.name().substring(JOB_PREFIX.length(), d.name().length() - JOB_SUFFIX.length());
            nightly.schedule(job, next == null ? d.defaultValue() : next);
            return;
        }
        String before = settings.text(d.name()).orElse("default " + d.defaultValue());
        settings.put(d.name(), next);
        audit.fire(AuditEvent.of(AuditAction.ADMIN_ACTION, context.getCallerPrincipal().getName(), d.name(), null,
                true, "setting " + d.name() + ": " + before + " -> " + (next == null ? "default " + d.defaultValue()
                        : next)));
    }
}
