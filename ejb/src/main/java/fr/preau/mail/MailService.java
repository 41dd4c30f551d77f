package fr.preau.mail;

import java.util.List;

import fr.preau.mail.imap.MailGateway;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The signed-in user's mail. Every method works on the mailbox {@link MailboxAccess} grants.
 *
 * <p>Failures: {@link fr.preau.shared.ServiceUnavailableException} names the server that did not answer (IMAP,
 * SMTP or the database); {@link fr.preau.shared.InvalidInputException} names the field at fault;
 * {@link fr.preau.shared.NotFoundException} says a folder or message is gone. In each case nothing changed.
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class MailService {
    @EJB
    private MailboxAccess access;

    @Inject
    private MailGateway gateway;

    @EJB
    private ReadingService reading;

    /** Who the caller is, as their mailbox shows it. */
    public MailAddress currentMailbox() {
        return access.own().owner();
    }

    /** The folders, special ones first, each with its unread and total counts. */
    public List<FolderInfo> folders() {
        return gateway.folders(access.own());
    }

    /**
     * One page of a folder, newest first.
     *
     * @param offset how many messages to skip from the newest, 0 or more
     * @param limit page size, 1 to 200
     */
    public MessagePage messages(FolderPath folder, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 200) {
            throw new IllegalArgumentException("Bad page: " + offset + "/" + limit);
        }
        return gateway.page(access.own(), folder, offset, limit);
    }

    /** Opens a message (marking it read) and returns its text; see {@link ReadingService}. */
    public MessageContent open(FolderPath folder, MessageUid uid) {
        return reading.open(folder, uid);
    }

    /** Sends through the submission server as the caller, then keeps a copy in Envoyés. */
    public void send(OutgoingMessage message) {
        if (message.to().isEmpty()) {
            throw new InvalidInputException("to", "compose.error.recipient.empty", null);
        }
        gateway.send(access.own(), message);
    }
}
