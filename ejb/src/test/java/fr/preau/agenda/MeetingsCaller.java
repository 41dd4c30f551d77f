package fr.preau.agenda;

import java.util.List;
import java.util.Optional;

import fr.preau.mail.FolderPath;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MessageSort;
import fr.preau.mail.MessageUid;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;

/**
 * Meetings as a signed-in test user calls them from the agenda and the mail view; a message is named by its subject
 * (the newest of the INBOX with it). Subclasses say which user (@PermitAll here too).
 */
@PermitAll
public abstract class MeetingsCaller {
    @EJB
    private Meetings meetings;

    @EJB
    private MailboxAccess access;

    @Inject
    private Mailbox mailbox;

    public List<Attendance> invite(long event, List<String> people) {
        return meetings.invite(event, people);
    }

    public List<Attendance> attendees(long event) {
        return meetings.attendees(event);
    }

    public Availability availability(List<String> people, java.time.LocalDate day, java.time.Duration length) {
        return meetings.availability(people, day, length, 3);
    }

    public Optional<Invitation> invitation(String subject) {
        return meetings.invitation(FolderPath.INBOX, uid(subject));
    }

    public void answer(String subject, String answer) {
        meetings.answer(FolderPath.INBOX, uid(subject), answer);
    }

    public Optional<Attendance> applyReply(String subject) {
        return meetings.applyReply(FolderPath.INBOX, uid(subject));
    }

    public boolean removeCancelled(String subject) {
        return meetings.removeCancelled(FolderPath.INBOX, uid(subject));
    }

    private MessageUid uid(String subject) {
        return mailbox.page(access.own(), FolderPath.INBOX, MessageSort.ARRIVAL, true, 0, 50).rows().stream()
                .filter(r -> subject.equals(r.summary().subject())).findFirst().orElseThrow().summary().uid();
    }
}
