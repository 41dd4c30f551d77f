package fr.preau.agenda;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;

/** The agenda as a signed-in test user calls it; subclasses say which user (@PermitAll here too). */
@PermitAll
public abstract class AgendaCaller {
    @EJB
    private Agenda agenda;

    @EJB
    private AgendaFiles files;

    @EJB
    private Reminders reminders;

    @EJB
    private SchoolHolidays holidays;

    public List<AgendaCalendar> calendars() {
        return agenda.calendars();
    }

    public List<AgendaCalendar> calendarsOf(String person) {
        return agenda.calendarsOf(person);
    }

    public AgendaCalendar createCalendar(String name, String colour) {
        return agenda.createCalendar(name, colour);
    }

    public AgendaCalendar updateCalendar(long id, String name, String colour) {
        return agenda.updateCalendar(id, name, colour);
    }

    public List<CalendarShare> shares(long calendar) {
        return agenda.shares(calendar);
    }

    public void share(long calendar, String person, CalendarLevel level) {
        agenda.share(calendar, person, level);
    }

    public List<AgendaEntry> entries(Collection<Long> calendars, LocalDateTime from, LocalDateTime to) {
        return agenda.entries(calendars, from, to);
    }

    public AgendaEntry entry(long event, LocalDateTime occurrence) {
        return agenda.entry(event, occurrence);
    }

    public AgendaEntry create(long calendar, EventDraft d) {
        return agenda.create(calendar, d);
    }

    public void update(long event, LocalDateTime occurrence, Scope scope, EventDraft d) {
        agenda.update(event, occurrence, scope, d);
    }

    public void delete(long event, LocalDateTime occurrence, Scope scope) {
        agenda.delete(event, occurrence, scope);
    }

    public CalendarFile export(long calendar) {
        return files.export(calendar);
    }

    public IcsImportReport importFile(long calendar, byte[] bytes) {
        return files.importFile(calendar, bytes);
    }

    public String renewSubscription(long calendar) {
        return files.renewSubscription(calendar);
    }

    public void revokeSubscription(long calendar) {
        files.revokeSubscription(calendar);
    }

    public long eventCount(long calendar) {
        return agenda.eventCount(calendar);
    }

    public int deleteCalendar(long calendar) {
        return agenda.deleteCalendar(calendar);
    }

    public int reminder(long event) {
        return reminders.reminder(event);
    }

    public void setReminder(long event, int minutes) {
        reminders.setReminder(event, minutes);
    }

    public boolean holidaysOffered() {
        return holidays.offered();
    }

    public AgendaCalendar addHolidays() {
        return holidays.addCalendar();
    }

    /** A crafted call of the administrator's import (refused to anyone but {@code admin}). */
    public IcsImportReport importHolidays(byte[] bytes) {
        return holidays.importFile(bytes);
    }
}
