package fr.preau.agenda;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * One calendar as one {@code .ics} file (issue 14, item 4; docs/adr/0109): a VCALENDAR with the calendar's name
 * ({@code X-WR-CALNAME}), one VTIMEZONE per time zone its events name (Europe/Paris for the portal's own), and the
 * VEVENTs of every object as the viewer may read them ({@link RedactedObject}). Pure logic: {@code IcsExportTest}.
 */
final class IcsExport {
    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private IcsExport() {
    }

    /** The file of calendar {@code name} with {@code objects} (stored iCalendar texts) for a {@code level} viewer. */
    static String calendar(String name, Collection<String> objects, CalendarLevel level) {
        Calendar cal = new Calendar().withProdId("-//Préau//Agenda//FR").withDefaults().getFluentTarget();
        cal.add(new XProperty("X-WR-CALNAME", name));
        cal.add(new XProperty("X-WR-TIMEZONE", EventObject.PARIS.getId()));
        Set<String> zones = new TreeSet<>();
        zones.add(EventObject.PARIS.getId());
        List<VEvent> events = new ArrayList<>();
        for (String o : objects) {
            for (VEvent v : RedactedObject.events(o, level)) {
                for (Property p : v.getProperties()) {
                    p.getParameter(Parameter.TZID).map(Parameter::getValue).ifPresent(zones::add);
                }
                events.add(v);
            }
        }
        for (String z : zones) {
            TimeZone tz = ZONES.getTimeZone(z);
            if (tz != null) {
                cal.add(tz.getVTimeZone());
            }
        }
        events.forEach(cal::add);
        return cal.toString();
    }
}
