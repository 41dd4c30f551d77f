package fr.preau.web.mail;

import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import fr.preau.agenda.Invitation;
import fr.preau.agenda.Meetings;
import fr.preau.agenda.Frequency;
import fr.preau.mail.Attachment;
import fr.preau.mail.FolderPath;
import fr.preau.mail.MessageContent;
import fr.preau.mail.MessageUid;
import fr.preau.web.shared.Feedback;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/**
 * The invitation card above an open message that carries an iMIP part (mail/fragments/invitation-card.xhtml;
 * docs/adr/0108): a REQUEST with "Accepter", "Provisoire", "Refuser"; a REPLY to one's meeting, applied to it when
 * the message is opened; a CANCEL with "Retirer de mon agenda". Read once per message opened.
 */
@Named
@ViewScoped
public class InvitationView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private Meetings meetings;

    private MessageUid checked;
    private Invitation invitation;

    /** The invitation of the open message, or null (no iMIP part, or a delegated mailbox). */
    public Invitation invitation(InboxView inbox) {
        MessageContent current = inbox.getCurrent();
        if (current == null) {
            return null;
        }
        MessageUid uid = current.summary().uid();
        if (!uid.equals(checked)) {
            checked = uid;
            invitation = null;
            if (current.listedAttachments().stream().anyMatch(InvitationView::calendar)) {
                read(inbox, uid);
            }
        }
        return invitation;
    }

    private void read(InboxView inbox, MessageUid uid) {
        try {
            invitation = meetings.invitation(folder(inbox), uid).orElse(null);
            if (invitation != null && "REPLY".equals(invitation.method())) {
                meetings.applyReply(folder(inbox), uid);
            }
        } catch (RuntimeException e) {
            invitation = null;
        }
    }

    /** "Invitation à une réunion", "Réunion mise à jour", "Réponse à votre réunion", "Réunion annulée". */
    public String heading(InboxView inbox) {
        Invitation i = invitation(inbox);
        if (i == null) {
            return "";
        }
        return Feedback.text(switch (i.method()) {
            case "CANCEL" -> "agenda.invitation.heading.cancel";
            case "REPLY" -> "agenda.invitation.heading.reply";
            default -> i.inCalendar() ? "agenda.invitation.heading.update" : "agenda.invitation.heading.request";
        });
    }

    /** When, in Paris time, in the page's language. */
    public String when(InboxView inbox) {
        Invitation i = invitation(inbox);
        if (i == null || i.start() == null) {
            return "";
        }
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale);
        DateTimeFormatter hour = DateTimeFormatter.ofPattern("HH:mm", locale);
        if (i.allDay()) {
            return day.format(i.start());
        }
        String s = day.format(i.start()) + ", " + hour.format(i.start());
        if (i.end() != null) {
            s += " – " + (i.end().toLocalDate().equals(i.start().toLocalDate()) ? "" : day.format(i.end()) + ", ")
                    + hour.format(i.end());
        }
        return s + " " + Feedback.text("agenda.invitation.paris");
    }

    /** The repeat in words, or null when it does not repeat. */
    public String repeat(InboxView inbox) {
        Invitation i = invitation(inbox);
        if (i == null || i.repeat().frequency() == Frequency.NONE) {
            return null;
        }
        return Feedback.text("agenda.repeat." + i.repeat().frequency().code());
    }

    /** The caller's answer so far, or what the attendee of a REPLY answered. */
    public String state(InboxView inbox) {
        Invitation i = invitation(inbox);
        if (i == null) {
            return "";
        }
        if ("REPLY".equals(i.method())) {
            return i.replyStatus() == null ? "" : Feedback.text("agenda.invitation.replied", i.replier(),
                    Feedback.text("agenda.meeting.status." + i.replyStatus()));
        }
        if ("CANCEL".equals(i.method())) {
            return Feedback.text(i.inCalendar() ? "agenda.invitation.cancelled" : "agenda.invitation.cancelled.gone");
        }
        if (i.outdated()) {
            return Feedback.text("agenda.invitation.outdated");
        }
        return i.answer() == null || "NEEDS-ACTION".equals(i.answer()) ? ""
                : Feedback.text("agenda.invitation.yours", Feedback.text("agenda.meeting.status." + i.answer()));
    }

    /** "Accepter", "Provisoire", "Refuser". */
    public void answer(InboxView inbox, String answer) {
        if (inbox.getCurrent() == null) {
            return;
        }
        try {
            meetings.answer(folder(inbox), inbox.getCurrent().summary().uid(), answer);
            checked = null;
            Feedback.info("agenda.invitation.answered." + answer);
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** "Retirer de mon agenda". */
    public void remove(InboxView inbox) {
        if (inbox.getCurrent() == null) {
            return;
        }
        try {
            boolean removed = meetings.removeCancelled(folder(inbox), inbox.getCurrent().summary().uid());
            checked = null;
            Feedback.info(removed ? "agenda.invitation.removed" : "agenda.invitation.cancelled.gone");
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    private static boolean calendar(Attachment a) {
        return "text/calendar".equalsIgnoreCase(a.contentType())
                || a.name() != null && a.name().toLowerCase(Locale.ROOT).endsWith(".ics");
    }

    private static FolderPath folder(InboxView inbox) {
        return new FolderPath(inbox.getFolderName());
    }
}
