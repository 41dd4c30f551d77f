package fr.preau.mail;

import fr.preau.mail.compose.ComposeService;
import fr.preau.mail.compose.ReplyTarget;
import fr.preau.mail.receipt.ReceiptService;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;

/** The compose, receipt and mail services as a test user calls them; subclasses say which user
 * (@PermitAll here too: a class annotation covers only the methods the class declares). */
@PermitAll
public abstract class ComposeCaller {
    @EJB
    private ComposeService compose;

    @EJB
    private ReceiptService receipts;

    @EJB
    private MessageActionService actions;

    @EJB
    private ReadingService reading;

    public long attachmentLimitBytes() {
        return compose.attachmentLimitBytes();
    }

    public MessageUid saveDraft(OutgoingMessage m, MessageUid previous) {
        return compose.saveDraft(m, previous);
    }

    public OutgoingMessage openDraft(MessageUid uid) {
        return compose.openDraft(uid);
    }

    public void send(OutgoingMessage m, MessageUid draft, ReplyTarget target) {
        compose.send(m, draft, target);
    }

    public OutgoingMessage prepare(ReplyTarget target) {
        return compose.prepare(target);
    }

    public MessagePage messages(FolderPath folder) {
        return MessagePage.of(actions, folder, 0, 50);
    }

    /** Who asks for a receipt, as the reading pane learns it: by opening the message. */
    public java.util.Optional<MailAddress> receiptRequested(FolderPath folder, MessageUid uid) {
        return java.util.Optional.ofNullable(reading.open(folder, uid).receiptAsker());
    }

    /** The whole reading-pane view of a message, as the page gets it by opening it. */
    public MessageContent opened(FolderPath folder, MessageUid uid) {
        return reading.open(folder, uid);
    }

    public boolean answerReceipt(FolderPath folder, MessageUid uid, boolean send) {
        return receipts.answer(folder, uid, send);
    }
}
