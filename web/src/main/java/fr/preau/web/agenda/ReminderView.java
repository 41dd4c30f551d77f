package fr.preau.web.agenda;

import java.io.Serializable;
import java.util.List;

import fr.preau.agenda.Reminders;
import fr.preau.web.shared.Feedback;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/**
 * The "Rappel" part of the agenda's event dialog (agenda.xhtml; docs/adr/0111): none, 10 minutes, 30 minutes, 1 hour
 * or 1 day before every occurrence, for an event of the caller's own calendars. {@link AgendaView} tells it which
 * event the dialog shows and asks it to apply the choice after saving.
 */
@Named
@ViewScoped
public class ReminderView implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The choices, in minutes before (0: none), in the order of the menu. */
    private static final List<Integer> CHOICES = List.of(Reminders.NONE, 10, 30, 60, 1440);

    @EJB
    private Reminders reminders;

    private int minutes = Reminders.NONE;
    private boolean available = true;

    /** A new event: no reminder. */
    public void reset() {
        minutes = Reminders.NONE;
        available = true;
    }

    /** An event opened: its reminder when it is in one of the caller's own calendars (only the owner has one). */
    public void load(long eventId, boolean own) {
        reset();
        available = own;
        if (own) {
            try {
                minutes = reminders.reminder(eventId);
            } catch (RuntimeException e) {
                Feedback.failed(e, "event");
            }
        }
    }

    /** After saving event {@code eventId} of the caller's own: its reminder as chosen. */
    public void apply(long eventId, boolean own) {
        if (own) {
            reminders.setReminder(eventId, minutes);
        }
    }

    public List<Integer> getChoices() {
        return CHOICES;
    }

    public int getMinutes() {
        return minutes;
    }

    public void setMinutes(int minutes) {
        this.minutes = minutes;
    }

    public boolean isAvailable() {
        return available;
    }
}
