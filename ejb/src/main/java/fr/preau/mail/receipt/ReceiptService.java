package fr.preau.mail.receipt;

import fr.preau.mail.FolderPath;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MessageUid;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Read receipts asked by the messages the caller opens: the portal asks the user (who asks comes with the opened
 * message, {@link MessageContent#receiptAsker()}), and sends the receipt (RFC 8098) only if they accept; either way
 * they are not asked again.
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ReceiptService {
    @EJB
    private MailboxAccess access;

    @Inject
    private Mailbox mailbox;

    /** Sends the receipt ({@code send}) or declines it; false when there was nothing left to answer. */
    public boolean answer(FolderPath folder, MessageUid uid, boolean send) {
        return mailbox.answerReceipt(access.own(), folder, uid, send);
    }
}
