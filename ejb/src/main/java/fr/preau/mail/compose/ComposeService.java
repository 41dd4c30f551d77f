package fr.preau.mail.compose;

import java.util.ArrayList;
import java.util.List;

import fr.preau.account.Account;
import fr.preau.account.AccountService;
import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.mail.Correspondents;
import fr.preau.mail.FolderPath;
import fr.preau.mail.MailAddress;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.MessageUid;
import fr.preau.mail.Original;
import fr.preau.mail.OutgoingAttachment;
import fr.preau.mail.OutgoingMessage;
import fr.preau.settings.AcademySettings;
import fr.preau.settings.quota.QuotaClasses;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.ServiceBoundary;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Writing mail as the signed-in user: new messages, replies and forwards prepared from a received message, drafts in
 * Brouillons, sending through Postfix with a copy in Envoyés.
 *
 * <p>Nothing is lost: {@link #send} first keeps the message as a draft (replacing the previous version), then
 * submits it, and removes the draft only once the submission server accepted it. When the server refuses it or does
 * not answer, {@link NotSentException} says why and which draft holds it. In a mailbox delegated with *envoi de la
 * part de* ({@link MailboxAccess#currentToSend}) it sends on the owner's behalf instead, without a draft.
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ComposeService {
    /**
     * Academy setting: the largest total of attachments per message, in megabytes, for the senders whose quota class
     * sets none.
     */
    public static final String ATTACHMENT_LIMIT = "mail.attachment.max-mb";
    public static final int DEFAULT_ATTACHMENT_MB = 10;

    @EJB
    private MailboxAccess access;

    @EJB
    private SignatureService signatures;

    @EJB
    private Correspondents correspondents;

    @EJB
    private AcademySettings settings;

    @EJB
    private QuotaClasses quotaClasses;

    @Inject
    private Mailbox mailbox;

    @EJB
    private AccountService accounts;

    @Inject
    private Event<AuditEvent> audit;

    @Resource
    private SessionContext session;

    /**
     * The most an outgoing message of the caller's mailbox may carry in attachments, in bytes: the limit of the
     * sender's quota class, or the academy's ({@value #ATTACHMENT_LIMIT}) when the class has none.
     */
    public long attachmentLimitBytes() {
        int mb = quotaClasses.attachmentMb()
                .orElseGet(() -> settings.integer(ATTACHMENT_LIMIT, DEFAULT_ATTACHMENT_MB));
        return Math.max(1, mb) * 1024L * 1024L;
    }

    /** A new, empty message with the default signature. */
    public OutgoingMessage newMessage() {
        return html(List.of(), List.of(), "", signatureHtml(), List.of(), null, List.of());
    }

    /**
     * A reply, reply to all or forward of a received message, quoted below the default signature. A forward's
     * attachments refer to the original's parts (nothing is downloaded here): they are read when the message is
     * written, after {@link #send} checked their size against the limit.
     */
    public OutgoingMessage prepare(ReplyTarget target) {
        MailboxContext ctx = access.current();
        Original original = mailbox.original(ctx, target.folder(), target.uid(), target.mode().isForward());
        String signature = signatureHtml();
        return switch (target.mode()) {
            case REPLY -> html(Quoting.replyTo(original), List.of(), Quoting.replySubject(original.subject()),
                    signature + Quoting.quoteHtml(original), List.of(), original.messageId(),
                    Quoting.references(original.references(), original.messageId()));
            case REPLY_ALL -> {
                List<MailAddress> to = Quoting.replyAllTo(original, ctx.owner());
                yield html(to, Quoting.replyAllCc(original, ctx.owner(), to), Quoting.replySubject(original.subject()),
                        signature + Quoting.quoteHtml(original), List.of(), original.messageId(),
                        Quoting.references(original.references(), original.messageId()));
            }
            case FORWARD -> html(List.of(), List.of(), Quoting.forwardSubject(original.subject()),
                    signature + Quoting.forwardHtml(original), original.attachments(), null, List.of());
            case FORWARD_ATTACHMENT -> html(List.of(), List.of(), Quoting.forwardSubject(original.subject()),
                    signature, List.of(new OutgoingAttachment(attachmentName(original),
                            OutgoingAttachment.MESSAGE_RFC822, original.whole().size(), original.whole().source())),
                    null, List.of());
        };
    }

    /**
     * Saves the message in Brouillons, replacing its previous version: one copy at any time.
     *
     * @param previous the draft's current UID, or null for a first save
     */
    public MessageUid saveDraft(OutgoingMessage draft, MessageUid previous) {
        checkAttachments(draft);
        return mailbox.saveDraft(access.own(), draft, previous);
    }

    /** A draft as it was saved, to continue writing it. */
    public OutgoingMessage openDraft(MessageUid uid) {
        return mailbox.loadDraft(access.own(), uid);
    }

    /** Discards a draft. */
    public void deleteDraft(MessageUid uid) {
        mailbox.deleteDraft(access.own(), uid);
    }

    /** The attachments of a draft just saved, now read from that saved copy (see {@link Mailbox}). */
    public List<OutgoingAttachment> savedDraftAttachments(FolderPath drafts, MessageUid draft,
            List<OutgoingAttachment> attachments) {
        return mailbox.savedDraftAttachments(drafts, draft, attachments);
    }

    /** The Brouillons folder, where drafts are reopened from. */
    public FolderPath draftsFolder() {
        return mailbox.draftsFolder(access.own());
    }

    /**
     * Sends the message as the caller; see the class comment for how it is never lost.
     *
     * @param draft the draft this message continues, or null
     * @param target the message this one replies to or forwards, or null
     * @throws InvalidInputException when the message cannot be sent as it is (no recipient, attachments over the
     *     limit): nothing was sent or saved
     * @throws NotSentException when the submission server refused it or did not answer; it is in Brouillons
     */
    public void send(OutgoingMessage message, MessageUid draft, ReplyTarget target) {
        if (message.to().isEmpty() && message.cc().isEmpty() && message.bcc().isEmpty()) {
            throw new InvalidInputException("to", "compose.error.recipient.empty", null);
        }
        checkAttachments(message);
        MailboxContext ctx = access.currentToSend();
        if (ctx.delegated()) {
            sendOnBehalf(ctx, message, target);
            return;
        }
        MessageUid kept = mailbox.saveDraft(ctx, message, draft);
        // The previous draft is gone: the attachments are now read from the one just saved.
        OutgoingMessage saved = message.attachments().isEmpty() ? message : message.withAttachments(
                mailbox.savedDraftAttachments(mailbox.draftsFolder(ctx), kept, message.attachments()));
        try {
            mailbox.send(ctx, saved);
        } catch (InvalidInputException | ServiceUnavailableException e) {
            throw new NotSentException(e, kept);
        }
        mailbox.deleteDraft(ctx, kept);
        if (target != null) {
            mailbox.markReplied(ctx, target.folder(), target.uid(), target.mode().isForward());
        }
        correspondents.remember(message.allRecipients());
    }

    /**
     * Sends in the mailbox of an owner who delegated it with *envoi de la part de* (docs/adr/0104): From the owner,
     * Sender the caller; Postfix checks the right again (its sender map). No draft is kept (the drafts are the
     * caller's own, the page keeps the message when it is not sent); the copy goes to the owner's Envoyés, and each
     * use is audited with both identities.
     */
    private void sendOnBehalf(MailboxContext ctx, OutgoingMessage message, ReplyTarget target) {
        String actor = session.getCallerPrincipal().getName();
        String owner = accounts.findEnabled(ctx.owner().address()).map(Account::getUsername)
                .orElse(ctx.owner().address());
        try {
            mailbox.send(ctx, message);
        } catch (InvalidInputException | ServiceUnavailableException e) {
            audit.fire(AuditEvent.of(AuditAction.MAIL_SENT_ON_BEHALF, actor, owner, null, false,
                    "delegate=" + ctx.actor().address() + " refused"));
            throw new NotSentException(e, null);
        }
        audit.fire(AuditEvent.of(AuditAction.MAIL_SENT_ON_BEHALF, actor, owner, null, true, "delegate="
                + ctx.actor().address() + " from=" + ctx.owner().address() + " recipients="
                + message.allRecipients().size()));
        if (target != null && ctx.rights().file()) {
            mailbox.markReplied(ctx, target.folder(), target.uid(), target.mode().isForward());
        }
        correspondents.remember(message.allRecipients());
    }

    /**
     * The owner of the mailbox the caller works in when it is someone else's and the delegation lets the caller send
     * on their behalf (the compose page shows "De la part de …"); empty in one's own mailbox.
     *
     * @throws fr.preau.shared.NotFoundException {@code mail.delegate.refused} in a delegated mailbox without the
     *     right to send
     */
    public java.util.Optional<MailAddress> onBehalfOf() {
        MailboxContext ctx = access.currentToSend();
        return ctx.delegated() ? java.util.Optional.of(ctx.owner()) : java.util.Optional.empty();
    }

    /**
     * Refuses attachments over the sender's limit ({@link #attachmentLimitBytes}), from the sizes known beforehand
     * (nothing is read).
     *
     * @throws InvalidInputException {@code compose.error.attachments.tooLarge} with the limit in MB
     */
    public void checkAttachments(OutgoingMessage message) {
        long limit = attachmentLimitBytes();
        if (message.attachmentBytes() > limit) {
            throw new InvalidInputException("attachments", "compose.error.attachments.tooLarge",
                    String.valueOf(limit / (1024 * 1024)));
        }
    }

    private String signatureHtml() {
        return signatures.defaultSignature().map(Snippet::html).map(h -> "<p><br></p><p>-- </p>" + h).orElse("");
    }

    private static OutgoingMessage html(List<MailAddress> to, List<MailAddress> cc, String subject, String html,
            List<OutgoingAttachment> attachments, String inReplyTo, List<String> references) {
        return new OutgoingMessage(to, cc, List.of(), subject, null, html.isEmpty() ? null : html,
                new ArrayList<>(attachments), inReplyTo, references, false);
    }

    private static String attachmentName(Original original) {
        String base = original.subject().isBlank() ? "message" : original.subject().replaceAll("[\\\\/:*?\"<>|]", "_");
        return (base.length() > 80 ? base.substring(0, 80) : base) + ".eml";
    }
}
