package fr.preau.web.agenda;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

import fr.preau.agenda.Attendance;
import fr.preau.agenda.Meetings;
import fr.preau.web.shared.Feedback;
import jakarta.ejb.EJB;
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

    /** A new event: no participant yet. */
    public void reset() {
        participants = null;
        attendees = List.of();
        available = true;
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
