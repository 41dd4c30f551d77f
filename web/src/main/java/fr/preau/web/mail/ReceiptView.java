package fr.preau.web.mail;

import java.io.Serializable;

import fr.preau.mail.FolderPath;
import fr.preau.mail.MailAddress;
import fr.preau.mail.MessageUid;
import fr.preau.mail.receipt.ReceiptService;
import fr.preau.web.shared.Feedback;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/**
 * The read-receipt question of the open message (mail/fragments/receipt-prompt.xhtml): asked once per message,
 * from what was read when the message was opened (no second IMAP connection).
 */
@Named
@ViewScoped
public class ReceiptView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private ReceiptService receipts;

    private MessageUid checked;
    private MailAddress asker;

    /** Who asks for a receipt of the open message, or null. */
    public MailAddress asker(InboxView inbox) {
        if (inbox.getCurrent() == null) {
            return null;
        }
        MessageUid uid = inbox.getCurrent().summary().uid();
        if (!uid.equals(checked)) {
            checked = uid;
            asker = inbox.getCurrent().receiptAsker();
        }
        return asker;
    }

    public String question(InboxView inbox) {
        MailAddress a = asker(inbox);
        if (a == null) {
            return "";
        }
        return Feedback.text(inbox.getCurrent().receiptNotTheSender() ? "receipt.asked.not-sender" : "receipt.asked",
                a.toString());
    }

    /** Sends ({@code send}) or declines the receipt; the question is not asked again. */
    public void answer(InboxView inbox, boolean send) {
        if (inbox.getCurrent() == null) {
            return;
        }
        try {
            receipts.answer(folder(inbox), inbox.getCurrent().summary().uid(), send);
            asker = null;
            Feedback.info(send ? "receipt.sent" : "receipt.declined");
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    private static FolderPath folder(InboxView inbox) {
        return new FolderPath(inbox.getFolderName());
    }
}
