package fr.preau.web.mail;

import java.io.Serializable;
import java.util.List;

import fr.preau.mail.schedule.ScheduledItem;
import fr.preau.mail.schedule.ScheduledSendService;
import fr.preau.web.shared.Feedback;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/** The Planifiés page: the caller's scheduled messages, each editable or cancellable until it leaves. */
@Named
@ViewScoped
public class ScheduledView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private ScheduledSendService scheduled;

    private transient List<ScheduledItem> items;
    private boolean unavailable;

    public List<ScheduledItem> getItems() {
        if (items == null) {
            try {
                items = scheduled.list();
                unavailable = false;
            } catch (RuntimeException e) {
                Feedback.failed(e, null);
                items = List.of();
                unavailable = true;
            }
        }
        return items;
    }

    public boolean isUnavailable() {
        return unavailable;
    }

    /** Cancels one message; it will not be sent. */
    public void cancel(long id) {
        try {
            scheduled.cancel(id);
            Feedback.info("schedule.cancelled");
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
        items = null;
    }

    public String stateLabel(ScheduledItem item) {
        return Feedback.text("schedule.state." + item.state().name());
    }
}
