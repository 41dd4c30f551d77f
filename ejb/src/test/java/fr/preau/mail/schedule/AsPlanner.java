package fr.preau.mail.schedule;

import java.time.Instant;
import java.util.List;

import fr.preau.mail.OutgoingMessage;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Calls {@link ScheduledSendService} as the signed-in test user {@value #USERNAME}, as the portal would. */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsPlanner.USERNAME)
@PermitAll
public class AsPlanner {
    static final String USERNAME = "it.planifie";

    @EJB
    private ScheduledSendService scheduled;

    public long schedule(OutgoingMessage message, Instant due) {
        return scheduled.schedule(message, due);
    }

    public void reschedule(long id, OutgoingMessage message, Instant due) {
        scheduled.reschedule(id, message, due);
    }

    public void cancel(long id) {
        scheduled.cancel(id);
    }

    public List<ScheduledItem> list() {
        return scheduled.list();
    }
}
