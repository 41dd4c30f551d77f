package fr.preau.web.agenda;

import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import fr.preau.agenda.Attendance;
import fr.preau.agenda.Availability;
import fr.preau.agenda.Meetings;
import fr.preau.web.shared.Feedback;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/**
 * The "Participants" part of the agenda's event dialog (agenda.xhtml; docs/adr/0108): whom the caller invites to an
 * event of their own calendars, and each attendee's answer. {@link AgendaView} tells it which event the dialog shows
 * and asks it to check the list before saving and to apply it after.
 */
@Named
@ViewScoped
public class MeetingView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private Meetings meetings;

    private String participants;
    private List<Attendance> attendees = List.of();
    private boolean available = true;
    private Availability availability;
    private LocalDate gridDay;

    /** A new event: no participant yet. */
    public void reset() {
        participants = null;
        attendees = List.of();
        available = true;
        availability = null;
    }

    /** An event opened: its attendees when it is in one of the caller's own calendars (only they invite). */
    public void load(long eventId, boolean own) {
        reset();
        available = own;
        if (own) {
            attendees = meetings.attendees(eventId);
            participants = String.join("\n", attendees.stream().map(Attendance::address).toList());
        }
    }

    /** Before saving: false (with the reason shown) when a participant would be refused; nothing is saved then. */
    public boolean check(boolean own) {
        if (!own || people().isEmpty() && attendees.isEmpty()) {
            return true;
        }
        try {
            meetings.check(people());
            return true;
        } catch (RuntimeException e) {
            Feedback.failed(e, "event");
            return false;
        }
    }

    /** After saving event {@code eventId} of the caller's own: invitations and cancellations sent. */
    public void apply(long eventId, boolean own) {
        if (own && !(people().isEmpty() && attendees.isEmpty())) {
            attendees = meetings.invite(eventId, people());
        }
    }

    /** "Disponibilités": the grid of the day of {@code start} for a meeting from {@code start} to {@code end}. */
    public void showAvailability(LocalDateTime start, LocalDateTime end) {
        availability = null;
        if (start == null || end == null || !end.isAfter(start)) {
            Feedback.error("event:end", "agenda.meeting.grid.times");
            return;
        }
        try {
            gridDay = start.toLocalDate();
            availability = meetings.availability(people(), gridDay, Duration.between(start, end), 3);
        } catch (RuntimeException e) {
            Feedback.failed(e, "event");
        }
    }

    /** The grid's hours: 8 to 18 (each column an hour, the last one ending at 19:00). */
    public List<Integer> getHours() {
        return IntStream.range(8, 19).boxed().toList();
    }

    /** Whether {@code person} is busy at some time of hour {@code hour} of the grid's day. */
    public boolean busy(Availability.Person person, int hour) {
        return person.busyDuring(gridDay.atTime(hour, 0), gridDay.atTime(hour, 0).plusHours(1));
    }

    /** A slot's start as shown on its button: "14:15". */
    public String hour(LocalDateTime t) {
        return t.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm"));
    }

    /** The grid's day in words, in the page's language. */
    public String getGridDay() {
        return gridDay == null ? "" : gridDay.format(DateTimeFormatter.ofPattern("EEEE d MMMM yyyy",
                FacesContext.getCurrentInstance().getViewRoot().getLocale()));
    }

    public Availability getAvailability() {
        return availability;
    }

    private List<String> people() {
        return participants == null ? List.of() : Arrays.stream(participants.split("[,;\\s]+"))
                .filter(p -> !p.isBlank()).toList();
    }

    public boolean isAvailable() {
        return available;
    }

    public List<Attendance> getAttendees() {
        return attendees;
    }

    public String getParticipants() {
        return participants;
    }

    public void setParticipants(String participants) {
        this.participants = participants;
    }
}
