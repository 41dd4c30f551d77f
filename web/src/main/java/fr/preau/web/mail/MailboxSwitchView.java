package fr.preau.web.mail;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

import fr.preau.mail.MailAddress;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MailboxContext;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceUnavailableException;
import fr.preau.web.shared.Feedback;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/**
 * The mail view's mailbox menu and banner (docs/adr/0104): the mailboxes delegated to the signed-in user, whose
 * mailbox the view shows, and the buttons each right allows. The services decide and check again
 * ({@link MailboxAccess#current}); this only asks once per request what they will answer.
 */
@Named("mailboxSwitch")
@RequestScoped
public class MailboxSwitchView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private MailboxAccess access;

    private transient MailboxContext current;
    private transient boolean unavailable;
    private transient List<MailAddress> mailboxes;
    private String chosen;

    /**
     * The mailbox the mail view shows now; one's own when the chosen delegation no longer holds (said once); null
     * while the database is unreachable (the page itself says so; the menu, the banner and the limits of a
     * delegation are then left out, and every service refuses anyway until it is back).
     */
    public MailboxContext getCurrent() {
        if (current == null && !unavailable) {
            try {
                try {
                    current = access.current();
                } catch (NotFoundException e) {
                    Feedback.failed(e, null);
                    current = access.own();
                }
            } catch (ServiceUnavailableException e) {
                unavailable = true;
            }
        }
        return current;
    }

    /** Whether the view shows someone else's mailbox. */
    public boolean isDelegated() {
        return getCurrent() != null && getCurrent().delegated();
    }

    /** Whether flag, move, delete, archive are allowed (one's own mailbox, or *lecture et classement*). */
    public boolean isMayFile() {
        return getCurrent() == null || getCurrent().rights().file();
    }

    /** Whether writing is allowed (one's own mailbox, or *envoi de la part de*). */
    public boolean isMaySend() {
        return getCurrent() == null || getCurrent().rights().send();
    }

    /** The owner's name and address for the banner. */
    public String getOwnerLabel() {
        MailAddress owner = getCurrent().owner();
        return owner.personal() == null || owner.personal().isBlank() ? owner.address()
                : owner.personal() + " (" + owner.address() + ")";
    }

    /** The banner's text: whose mailbox and what the delegation allows. */
    public String getBanner() {
        String rights = isMayFile() ? "mail.delegate.rights.file" : "mail.delegate.rights.read";
        return Feedback.text("mail.delegate.banner", getOwnerLabel(), Feedback.text(rights)
                + (isMaySend() ? ", " + Feedback.text("mail.delegate.rights.send") : ""));
    }

    /** The mailboxes delegated to the caller (empty: no menu). */
    public List<MailAddress> getMailboxes() {
        if (mailboxes == null) {
            try {
                mailboxes = access.delegatedMailboxes();
            } catch (ServiceUnavailableException e) {
                mailboxes = List.of();
            }
        }
        return mailboxes;
    }

    /** The menu's value: the owner's address, or "" for one's own mailbox. */
    public String getChosen() {
        return chosen != null ? chosen : isDelegated() ? getCurrent().owner().address() : "";
    }

    public void setChosen(String value) {
        chosen = value;
    }

    /** Opens the mailbox chosen in the menu (refused when the delegation no longer holds: one's own then). */
    public void switchMailbox() throws IOException {
        try {
            access.select(chosen == null || chosen.isBlank() ? null : chosen);
        } catch (NotFoundException e) {
            Feedback.failed(e, null);
        }
        toInbox();
    }

    /** Back to one's own mailbox ("Revenir à ma boîte"). */
    public void switchBack() throws IOException {
        access.select(null);
        toInbox();
    }

    private static void toInbox() throws IOException {
        Feedback.keepForRedirect();
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/mail/inbox.xhtml");
    }
}
