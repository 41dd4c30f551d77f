package fr.preau.web.agenda;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.preau.agenda.Agenda;
import fr.preau.agenda.AgendaCalendar;
import fr.preau.agenda.AgendaEntry;
import fr.preau.agenda.CalendarLevel;
import fr.preau.agenda.CalendarShare;
import fr.preau.agenda.EventDraft;
import fr.preau.agenda.EventLinks;
import fr.preau.agenda.Frequency;
import fr.preau.agenda.Repeat;
import fr.preau.agenda.Scope;
import fr.preau.web.shared.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;
import org.primefaces.event.SelectEvent;
import org.primefaces.model.DefaultScheduleEvent;
import org.primefaces.model.LazyScheduleModel;
import org.primefaces.model.ScheduleEvent;
import org.primefaces.model.ScheduleModel;

/**
 * "Agenda": the caller's calendars (and, on demand, a colleague's: "Voir l'agenda de …") in a schedule that loads
 * only the visible window from {@link Agenda}, each calendar shown or hidden; events created, changed and deleted
 * in a dialog with the scope of a repeated event; calendars made and shared. What the service answers as busy is
 * shown as "Occupé" and cannot be opened: the page never receives more (docs/adr/0106).
 */
@Named
@ViewScoped
public class AgendaView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String BUSY_COLOUR = "#5c6670";

    @EJB
    private Agenda agenda;

    @Inject
    private MeetingView meeting;

    @Inject
    private ReminderView reminder;

    private List<AgendaCalendar> mine = List.of();
    private List<AgendaCalendar> theirs = List.of();
    private final Map<Long, Boolean> shown = new HashMap<>();
    private String colleague;
    private ScheduleModel model;

    private AgendaEntry selected;
    private Long calendarId;
    private String title;
    private boolean allDay;
    private LocalDateTime start;
    private LocalDateTime end;
    private String location;
    private String description;
    private boolean privateEvent;
    private Frequency frequency = Frequency.NONE;
    private LocalDate until;
    private Integer count;
    private Scope scope = Scope.THIS;

    private String calendarName;
    private String calendarColour = "#2e7d32";
    private Long shareCalendar;
    private String sharePerson;
    private CalendarLevel shareLevel = CalendarLevel.DETAILS;

    @PostConstruct
    void init() {
        try {
            mine = agenda.calendars();
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
        mine.forEach(c -> shown.put(c.id(), Boolean.TRUE));
        shareCalendar = mine.isEmpty() ? null : mine.get(0).id();
        model = new LazyScheduleModel() {
            private static final long serialVersionUID = 1L;

            @Override
            public void loadEvents(LocalDateTime from, LocalDateTime to) {
                load(this, from, to);
            }
        };
    }

    private void load(ScheduleModel target, LocalDateTime from, LocalDateTime to) {
        List<Long> visible = new ArrayList<>();
        for (AgendaCalendar c : calendars()) {
            if (Boolean.TRUE.equals(shown.get(c.id()))) {
                visible.add(c.id());
            }
        }
        if (visible.isEmpty()) {
            return;
        }
        try {
            for (AgendaEntry e : agenda.entries(visible, from, to)) {
                target.addEvent(event(e));
            }
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    private ScheduleEvent<AgendaEntry> event(AgendaEntry e) {
        String colour = e.busy() ? BUSY_COLOUR : colourOf(e.calendarId());
        return DefaultScheduleEvent.<AgendaEntry>builder().title(e.busy() ? Feedback.text("agenda.busy") : e.title())
                .startDate(e.start()).endDate(e.end()).allDay(e.allDay()).data(e).editable(false)
                .backgroundColor(colour).borderColor(colour).textColor(textOn(colour))
                .styleClass(e.busy() ? "agenda-busy" : "agenda-detailed").build();
    }

    /** White or dark text, whichever reads better on {@code colour} ({@code #rrggbb}; WCAG relative luminance). */
    static String textOn(String colour) {
        double l = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(colour.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            l += weights[i] * (c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4));
        }
        return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? "#ffffff" : "#1f2937";
    }

    private String colourOf(long calendar) {
        return calendars().stream().filter(c -> c.id() == calendar).map(AgendaCalendar::colour).findFirst()
                .orElse(BUSY_COLOUR);
    }

    /** The calendars on the page: the caller's, then those of the colleague shown. */
    public List<AgendaCalendar> calendars() {
        List<AgendaCalendar> all = new ArrayList<>(mine);
        all.addAll(theirs);
        return all;
    }

    /** "Nouvel événement": the dialog, empty, at the next full hour. */
    public void newEvent() {
        open(LocalDateTime.now(PARIS).truncatedTo(ChronoUnit.HOURS).plusHours(1), false);
    }

    /** A click on a free day or slot: the dialog at that time. */
    public void onDateSelect(SelectEvent<LocalDateTime> event) {
        open(event.getObject(), false);
    }

    private void open(LocalDateTime at, boolean day) {
        selected = null;
        calendarId = editableCalendars().isEmpty() ? null : editableCalendars().get(0).id();
        title = null;
        allDay = day;
        start = at;
        end = at.plusHours(1);
        location = null;
        description = null;
        privateEvent = false;
        frequency = Frequency.NONE;
        until = null;
        count = null;
        scope = Scope.THIS;
        meeting.reset();
        reminder.reset();
        PrimeFaces.current().executeScript("PF('eventDialog').show()");
    }

    /** A click on an event: its details in the dialog, or nothing for a busy block (there is nothing to show). */
    public void onEventSelect(SelectEvent<ScheduleEvent<AgendaEntry>> event) {
        AgendaEntry e = event.getObject().getData();
        if (e == null || e.busy()) {
            Feedback.info("agenda.busy.info");
            return;
        }
        try {
            selected = agenda.entry(e.eventId(), e.occurrence());
        } catch (RuntimeException x) {
            Feedback.failed(x, null);
            return;
        }
        calendarId = selected.calendarId();
        title = selected.title();
        allDay = selected.allDay();
        start = selected.start();
        end = selected.allDay() ? selected.end().minusDays(1) : selected.end();
        location = selected.location();
        description = selected.description();
        privateEvent = selected.privateEvent();
        frequency = selected.repeat().frequency();
        until = selected.repeat().until();
        count = selected.repeat().count();
        scope = Scope.THIS;
        meeting.load(selected.eventId(), own(selected.calendarId()));
        reminder.load(selected.eventId(), own(selected.calendarId()));
        PrimeFaces.current().executeScript("PF('eventDialog').show()");
    }

    /** The web addresses of the event shown (its location and description as stored), offered as links. */
    public List<String> getLinks() {
        return selected == null ? List.of() : EventLinks.in(selected.location(), selected.description());
    }

    /** "Enregistrer": creates or changes the event; the dialog closes only when the service took it. */
    public void save() {
        EventDraft d = new EventDraft(title, allDay, start, end, location, description, privateEvent,
                new Repeat(frequency, until, count));
        boolean own = own(selected == null ? calendarId : Long.valueOf(selected.calendarId()));
        try {
            if (!meeting.check(own)) {
                return;
            }
            if (selected == null) {
                if (calendarId == null) {
                    Feedback.error("event:calendar", "agenda.calendar.choose");
                    return;
                }
                long created = agenda.create(calendarId, d).eventId();
                meeting.apply(created, own);
                reminder.apply(created, own);
                Feedback.info("agenda.event.created", title.strip());
            } else {
                agenda.update(selected.eventId(), selected.occurrence(), scope, d);
                meeting.apply(selected.eventId(), own);
                reminder.apply(selected.eventId(), own);
                Feedback.info("agenda.event.saved", title.strip());
            }
            PrimeFaces.current().ajax().addCallbackParam("done", true);
        } catch (RuntimeException e) {
            Feedback.failed(e, "event");
        }
    }

    /** "Supprimer" (with the scope chosen for a repeated event). */
    public void delete() {
        if (selected == null) {
            return;
        }
        try {
            agenda.delete(selected.eventId(), selected.occurrence(), scope);
            Feedback.info("agenda.event.deleted", selected.title());
            PrimeFaces.current().ajax().addCallbackParam("done", true);
        } catch (RuntimeException e) {
            Feedback.failed(e, "event");
        }
    }

    /** "Voir l'agenda de …": the colleague's calendars beside the caller's. */
    public void showColleague() {
        try {
            theirs = agenda.calendarsOf(colleague).stream().filter(c -> c.level() != CalendarLevel.OWNER).toList();
            theirs.forEach(c -> shown.put(c.id(), Boolean.TRUE));
            if (theirs.isEmpty()) {
                Feedback.info("agenda.colleague.none");
            }
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** Back to the caller's own calendars only. */
    public void hideColleague() {
        theirs = List.of();
        colleague = null;
    }

    /** "Créer l'agenda". */
    public void createCalendar() {
        try {
            AgendaCalendar c = agenda.createCalendar(calendarName, calendarColour);
            mine = agenda.calendars();
            shown.put(c.id(), Boolean.TRUE);
            calendarName = null;
            Feedback.info("agenda.calendar.created", c.name());
        } catch (RuntimeException e) {
            Feedback.failed(e, "calendars");
        }
    }

    /** "Partager": the grant chosen for the colleague on the calendar chosen. */
    public void share() {
        try {
            agenda.share(shareCalendar == null ? -1 : shareCalendar, sharePerson, shareLevel);
            Feedback.info("agenda.share.done");
            sharePerson = null;
        } catch (RuntimeException e) {
            Feedback.failed(e, "sharing");
        }
    }

    /** The grants of the calendar chosen in the sharing form. */
    public List<CalendarShare> getShares() {
        if (shareCalendar == null) {
            return List.of();
        }
        try {
            return agenda.shares(shareCalendar);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The calendars the caller may add events to (not a read-only one: the school holidays). */
    public List<AgendaCalendar> editableCalendars() {
        return calendars().stream().filter(c -> c.level().mayEdit() && !c.readOnly()).toList();
    }

    /** Whether the dialog shows an existing event of a repeated series (the scope is then asked). */
    public boolean isRepeated() {
        return selected != null && selected.repeated();
    }

    /** Whether the dialog shows an existing event. */
    public boolean isExisting() {
        return selected != null;
    }

    public List<AgendaCalendar> getMine() {
        return mine;
    }

    public List<AgendaCalendar> getTheirs() {
        return theirs;
    }

    public Map<Long, Boolean> getShown() {
        return shown;
    }

    public ScheduleModel getModel() {
        return model;
    }

    public Frequency[] getFrequencies() {
        return Frequency.values();
    }

    public Scope[] getScopes() {
        return Scope.values();
    }

    public CalendarLevel[] getLevels() {
        return new CalendarLevel[] {CalendarLevel.DETAILS, CalendarLevel.EDIT, CalendarLevel.BUSY};
    }

    public String getColleague() {
        return colleague;
    }

    public void setColleague(String colleague) {
        this.colleague = colleague;
    }

    public Long getCalendarId() {
        return calendarId;
    }

    public void setCalendarId(Long calendarId) {
        this.calendarId = calendarId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public boolean isAllDay() {
        return allDay;
    }

    public void setAllDay(boolean allDay) {
        this.allDay = allDay;
    }

    public LocalDateTime getStart() {
        return start;
    }

    public void setStart(LocalDateTime start) {
        this.start = start;
    }

    public LocalDateTime getEnd() {
        return end;
    }

    public void setEnd(LocalDateTime end) {
        this.end = end;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public boolean isPrivateEvent() {
        return privateEvent;
    }

    public void setPrivateEvent(boolean privateEvent) {
        this.privateEvent = privateEvent;
    }

    public Frequency getFrequency() {
        return frequency;
    }

    public void setFrequency(Frequency frequency) {
        this.frequency = frequency;
    }

    public LocalDate getUntil() {
        return until;
    }

    public void setUntil(LocalDate until) {
        this.until = until;
    }

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }

    public Scope getScope() {
        return scope;
    }

    public void setScope(Scope scope) {
        this.scope = scope;
    }

    public String getCalendarName() {
        return calendarName;
    }

    public void setCalendarName(String calendarName) {
        this.calendarName = calendarName;
    }

    public String getCalendarColour() {
        return calendarColour;
    }

    public void setCalendarColour(String calendarColour) {
        this.calendarColour = calendarColour;
    }

    public Long getShareCalendar() {
        return shareCalendar;
    }

    public void setShareCalendar(Long shareCalendar) {
        this.shareCalendar = shareCalendar;
    }

    public String getSharePerson() {
        return sharePerson;
    }

    public void setSharePerson(String sharePerson) {
        this.sharePerson = sharePerson;
    }

    public CalendarLevel getShareLevel() {
        return shareLevel;
    }

    public void setShareLevel(CalendarLevel shareLevel) {
        this.shareLevel = shareLevel;
    }

    /** Whether {@code calendar} is one of the caller's own (only there may they invite). */
    private boolean own(Long calendar) {
        return calendar != null && mine.stream().anyMatch(c -> c.id() == calendar);
    }

    /** A slot proposed by the free/busy grid: the event starts there, as long as before. */
    public void startAt(LocalDateTime slot) {
        if (slot != null && start != null && end != null) {
            end = slot.plus(java.time.Duration.between(start, end));
            start = slot;
        }
    }
}
