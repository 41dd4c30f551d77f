package fr.preau.web.mail;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import fr.preau.mail.OutgoingMessage;
import fr.preau.mail.schedule.DisconnectPolicy;
import fr.preau.mail.schedule.ScheduledItem;
import fr.preau.mail.schedule.ScheduledSendService;
import fr.preau.web.shared.Feedback;
import fr.preau.web.shared.Formats;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The compose page's scheduling controls (fragment mail/fragments/compose-schedule.xhtml): "Envoyer plus tard" at a
 * chosen date and time, the right-to-disconnect proposal when sending in quiet hours, and reopening a scheduled
 * message ({@code ?planifie=id}) to change it. Reads what the user typed from {@link ComposeView}.
 */
@Named
@ViewScoped
public class ComposeScheduleView implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("H' h 'mm", Locale.FRENCH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.FRENCH);

    @EJB
    private ScheduledSendService scheduled;

    @EJB
    private DisconnectPolicy disconnect;

    @Inject
    private ComposeView compose;

    private Long editing;
    private LocalDateTime scheduleAt;
    private ZonedDateTime proposal;
    private boolean proposalChecked;

    /** Reopens a scheduled message when the page is opened with {@code ?planifie=id}. */
    public void load() {
        if (editing == null) {
            return;
        }
        try {
            ScheduledItem item = scheduled.get(editing);
            if (!item.changeable()) {
                Feedback.error(null, "schedule.error.alreadySent");
                editing = null;
                return;
            }
            compose.continueScheduled(scheduled.content(editing));
            scheduleAt = LocalDateTime.ofInstant(item.dueAt(), Formats.PARIS);
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
            editing = null;
        }
    }

    /** Schedules (or, when editing, reschedules) at the chosen date and time, Paris time. */
    public String schedule() {
        if (scheduleAt == null) {
            Feedback.error(ComposeView.FORM + ":scheduleAt", "schedule.error.noDate");
            return null;
        }
        return save(scheduleAt.atZone(Formats.PARIS).toInstant(), "schedule.done");
    }

    /** Schedules for the next working morning proposed by the right to disconnect. */
    public String sendAtProposal() {
        ZonedDateTime at = getProposal();
        if (at == null) {
            return compose.send();
        }
        return save(at.toInstant(), "schedule.done");
    }

    /** When reopened from Planifiés: the message leaves now, through the same exactly-once sender. */
    public String sendEditedNow() {
        return save(Instant.now().plusSeconds(1), "schedule.sendingNow");
    }

    private String save(Instant due, String doneKey) {
        try {
            OutgoingMessage message = compose.outgoing(true);
            if (editing == null) {
                scheduled.schedule(message, due);
            } else {
                scheduled.reschedule(editing, message, due);
            }
        } catch (RuntimeException e) {
            Feedback.failed(e, ComposeView.FORM);
            return null;
        }
        compose.scheduled();
        Feedback.info(doneKey, when(due.atZone(Formats.PARIS)));
        Feedback.keepForRedirect();
        return "/mail/scheduled?faces-redirect=true";
    }

    /** The next working morning when sending now falls in quiet hours, else null. */
    public ZonedDateTime getProposal() {
        if (!proposalChecked) {
            try {
                proposal = disconnect.proposal().orElse(null);
            } catch (RuntimeException e) {
                proposal = null;
            }
            proposalChecked = true;
        }
        return proposal;
    }

    public boolean isQuietNow() {
        return getProposal() != null;
    }

    /** "demain à 7 h 30", or "lundi 30 novembre à 7 h 30". */
    public String getProposalLabel() {
        ZonedDateTime p = getProposal();
        return p == null ? "" : when(p);
    }

    static String when(ZonedDateTime at) {
        LocalDate today = LocalDate.now(Formats.PARIS);
        String hour = HOUR.format(at);
        if (at.toLocalDate().equals(today)) {
            return Feedback.text("schedule.when.today", hour);
        }
        if (at.toLocalDate().equals(today.plusDays(1))) {
            return Feedback.text("schedule.when.tomorrow", hour);
        }
        return Feedback.text("schedule.when.day", DAY.format(at), hour);
    }

    /** JavaScript of the compose page's Envoyer button: in quiet hours, the proposal first. */
    public String getSendOnclick() {
        return isQuietNow() && editing == null ? "PF('disconnectDialog').show();return false;" : null;
    }

    public boolean isEditing() {
        return editing != null;
    }

    /** The id of the scheduled message reopened ({@code ?planifie=id}), or null. */
    public Long getEditId() {
        return editing;
    }

    public void setEditId(Long editId) {
        this.editing = editId;
    }

    public LocalDateTime getScheduleAt() {
        return scheduleAt;
    }

    public void setScheduleAt(LocalDateTime scheduleAt) {
        this.scheduleAt = scheduleAt;
    }

    public LocalDateTime getMinDate() {
        return LocalDateTime.now(Formats.PARIS);
    }
}
