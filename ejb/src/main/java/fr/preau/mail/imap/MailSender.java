package fr.preau.mail.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.preau.mail.AttachmentSource;
import fr.preau.mail.FolderPath;
import fr.preau.mail.HeaderText;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.MessageUid;
import fr.preau.mail.OutgoingAttachment;
import fr.preau.mail.OutgoingMessage;
import fr.preau.mail.SpecialUse;
import fr.preau.mail.Original;
import fr.preau.mail.imap.ImapConnector.OpenFolder;
import fr.preau.shared.Component;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;

/**
 * Sending and drafts, as the user: submission through Postfix with a copy in Envoyés, drafts in Brouillons kept as
 * exactly one copy (the new version is appended, then the old one removed by UID EXPUNGE, never a plain EXPUNGE that
 * would also remove what another client marked as deleted), and the received messages a reply or a forward starts
 * from.
 */
@ApplicationScoped
public class MailSender {
    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

    @Inject
    private ImapConnector imap;

    @Inject
    private AttachmentReader parts;

    /**
     * Submits the message, then keeps a copy in Envoyés. When the copy cannot be kept the message is still sent
     * once: the failure is logged, not retried.
     *
     * @throws InvalidInputException when the submission server refuses the message ({@link #refusal})
     */
    public MimeMessage send(MailboxContext ctx, OutgoingMessage outgoing) {
        Session session = imap.userSession();
        MimeMessage message = MessageBuilder.build(session, ctx, outgoing, parts.reader(ctx));
        submit(ctx, session, message);
        keepSentCopy(ctx, message);
        return message;
    }

    /** {@link fr.preau.mail.Mailbox#sendNotice}: any failure, a refusal included, is a transport failure. */
    public void sendNotice(MailboxContext ctx, String to, String subject, String text) {
        Session session = imap.userSession();
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(ctx.owner().address(), ctx.owner().personal(), "UTF-8"));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(new java.util.Date());
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setText(text, "UTF-8");
            message.saveChanges();
            submit(ctx, session, message);
        } catch (MessagingException | java.io.UnsupportedEncodingException | InvalidInputException e) {
            LOG.log(Level.WARNING, "Notice from " + ctx.owner().address() + " not sent", e);
            throw new ServiceUnavailableException(Component.MAIL_TRANSPORT, e);
        }
    }

    /** {@link fr.preau.mail.Mailbox#sendCalendar}: text and calendar as alternatives, the same .ics attached. */
    public void sendCalendar(MailboxContext ctx, List<String> to, String subject, String text, String method,
            String ical) {
        Session session = imap.userSession();
        MimeMessage message = new MimeMessage(session);
        try {
            message.setFrom(new InternetAddress(ctx.owner().address(), ctx.owner().personal(), "UTF-8"));
            List<InternetAddress> rcpt = new ArrayList<>();
            for (String a : to) {
                rcpt.add(new InternetAddress(a, true));
            }
            message.setRecipients(MimeMessage.RecipientType.TO, rcpt.toArray(new InternetAddress[0]));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(new java.util.Date());
            String type = "text/calendar; charset=UTF-8; method=" + method;
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(text, "UTF-8");
            MimeBodyPart calendar = new MimeBodyPart();
            byte[] bytes = ical.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            calendar.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(bytes, type)));
            calendar.setHeader("Content-Type", type);
            MimeMultipart alternative = new MimeMultipart("alternative", plain, calendar);
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(bytes, "application/ics")));
            file.setDisposition(Part.ATTACHMENT);
            file.setFileName("invitation.ics");
            message.setContent(new MimeMultipart("mixed", body, file));
            message.saveChanges();
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            throw new InvalidInputException("to", "mail.address.invalid", String.join(", ", to));
        }
        submit(ctx, session, message);
    }

    /** Submits a built message as the acting user: every message of the portal leaves through here. */
    void submit(MailboxContext ctx, Session session, MimeMessage message) {
        try {
            submit(ctx, session, message, message.getAllRecipients());
        } catch (MessagingException e) {
            throw new IllegalStateException("Built message has unreadable recipients", e);
        }
    }

    /** Submits a built message as the acting user to these envelope recipients. */
    void submit(MailboxContext ctx, Session session, MimeMessage message, Address[] recipients) {
        try (Transport transport = imap.submission(ctx, session)) {
            transport.sendMessage(message, recipients);
        } catch (SendFailedException e) {
            throw refusal(e);
        } catch (MessagingException e) {
            LOG.log(Level.WARNING, "SMTP submission failed for " + ctx.actor().address(), e);
            throw new ServiceUnavailableException(Component.MAIL_TRANSPORT, e);
        }
    }

    /**
     * The copy in the owner's Envoyés. A delegate's copy is appended in the owner's own session (docs/adr/0104):
     * *lecture* gives the delegate no IMAP right to insert there, and the copy belongs to the send Postfix has just
     * accepted as the owner's after checking the delegate's right to send on their behalf.
     */
    private void keepSentCopy(MailboxContext ctx, MimeMessage message) {
        try (Store store = imap.connectAsOwner(ctx)) {
            Folder sent = ImapConnector.findSpecial(store, SpecialUse.SENT);
            if (sent == null) {
                LOG.warning("No \\Sent folder for " + ctx.owner().address() + ": no copy kept");
                return;
            }
            message.setFlag(Flags.Flag.SEEN, true);
            sent.appendMessages(new Message[] {message});
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Message sent but no copy kept in Sent for " + ctx.owner().address(), e);
        }
    }

    /**
     * Saves the draft in Brouillons and removes its previous version: one copy at any time.
     *
     * @param previous the UID of the version to replace, or null for a first save
     * @return the UID of the saved version
     */
    public MessageUid saveDraft(MailboxContext ctx, OutgoingMessage draft, MessageUid previous) {
        Session session = imap.userSession();
        MimeMessage message = MessageBuilder.build(session, ctx, draft, parts.reader(ctx));
        try (Store store = imap.connect(ctx)) {
            IMAPFolder drafts = drafts(store);
            message.setFlags(new Flags(Flags.Flag.DRAFT), true);
            message.setFlag(Flags.Flag.SEEN, true);
            AppendUID[] appended = drafts.appendUIDMessages(new Message[] {message});
            if (appended == null || appended.length != 1 || appended[0] == null) {
                throw new IllegalStateException("The IMAP server did not return the draft's UID (UIDPLUS)");
            }
            MessageUid saved = new MessageUid(appended[0].uidvalidity, appended[0].uid);
            if (previous != null && !previous.equals(saved)) {
                remove(drafts, previous);
            }
            return saved;
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /** Removes a draft (after it was sent or by the user's choice); a draft already gone is no failure. */
    public void deleteDraft(MailboxContext ctx, MessageUid uid) {
        try (Store store = imap.connect(ctx)) {
            remove(drafts(store), uid);
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /** A draft as it was saved. */
    public OutgoingMessage loadDraft(MailboxContext ctx, MessageUid uid) {
        try (Store store = imap.connect(ctx)) {
            IMAPFolder drafts = drafts(store);
            try (OpenFolder open = ImapConnector.open(store, new FolderPath(drafts.getFullName()), Folder.READ_ONLY)) {
                return MessageParts.draft((MimeMessage) find(open.folder(), uid, drafts.getFullName()),
                        new FolderPath(drafts.getFullName()), uid);
            }
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        } catch (IOException e) {
            throw ImapConnector.storeFailure(new MessagingException("Cannot read the draft", e));
        }
    }

    /** The folder path of Brouillons. */
    public FolderPath draftsFolder(MailboxContext ctx) {
        try (Store store = imap.connect(ctx)) {
            return new FolderPath(drafts(store).getFullName());
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    /**
     * A received message to reply to or forward.
     *
     * @param forward also read its attachments and its whole source
     */
    public Original original(MailboxContext ctx, FolderPath path, MessageUid uid, boolean forward) {
        try (Store store = imap.connect(ctx); OpenFolder open = ImapConnector.open(store, path, Folder.READ_ONLY)) {
            MimeMessage m = (MimeMessage) find(open.folder(), uid, path.name());
            String messageId = m.getMessageID() == null ? null : m.getMessageID().trim();
            String refs = m.getHeader("References", " ");
            List<String> references = refs == null ? new ArrayList<>()
                    : new ArrayList<>(Arrays.asList(refs.trim().split("\\s+")));
            if (references.isEmpty() && m.getHeader("In-Reply-To", " ") != null) {
                references.add(m.getHeader("In-Reply-To", " ").trim());
            }
            OutgoingAttachment whole = null;
            MessageParts parts = null;
            if (forward) {
                whole = new OutgoingAttachment("message.eml", OutgoingAttachment.MESSAGE_RFC822, m.getSize(),
                        new AttachmentSource.MessagePart(path, uid, null));
                parts = MessageParts.of(m, path, uid);
            }
            java.util.Date date = m.getSentDate() != null ? m.getSentDate() : m.getReceivedDate();
            return new Original(messageId, references, first(MessageParts.addresses(m.getFrom())),
                    MessageParts.addresses(m.getReplyTo()),
                    MessageParts.addresses(m.getRecipients(Message.RecipientType.TO)),
                    MessageParts.addresses(m.getRecipients(Message.RecipientType.CC)), HeaderText.of(m.getSubject()),
                    date == null ? null : date.toInstant(), MessageParser.parse(m).text(),
                    parts == null ? List.of() : parts.attachments(), whole);
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        } catch (IOException e) {
            throw ImapConnector.storeFailure(new MessagingException("Cannot read the message", e));
        }
    }

    /** Flags the message answered (\Answered) or forwarded ($Forwarded) once the reply or forward is sent. */
    public void markReplied(MailboxContext ctx, FolderPath path, MessageUid uid, boolean forwarded) {
        try (Store store = imap.connect(ctx); OpenFolder open = ImapConnector.open(store, path, Folder.READ_WRITE)) {
            Message m = find(open.folder(), uid, path.name());
            if (forwarded) {
                m.setFlags(new Flags("$Forwarded"), true);
            } else {
                m.setFlag(Flags.Flag.ANSWERED, true);
            }
        } catch (MessagingException | NotFoundException e) {
            LOG.log(Level.INFO, "Sent, but the original message could not be flagged", e);
        }
    }

    static Message find(Folder folder, MessageUid uid, String folderName) throws MessagingException {
        UIDFolder uidFolder = (UIDFolder) folder;
        Message message = uidFolder.getUIDValidity() == uid.uidValidity() ? uidFolder.getMessageByUID(uid.uid())
                : null;
        if (message == null || message.isExpunged()) {
            throw new NotFoundException("mail.error.messageGone", folderName + "/" + uid);
        }
        return message;
    }

    private static IMAPFolder drafts(Store store) throws MessagingException {
        Folder drafts = ImapConnector.findSpecial(store, SpecialUse.DRAFTS);
        if (drafts == null) {
            LOG.warning("No \\Drafts folder: using Brouillons");
            drafts = store.getFolder("Brouillons");
            if (!drafts.exists()) {
                drafts.create(Folder.HOLDS_MESSAGES);
            }
        }
        return (IMAPFolder) drafts;
    }

    /** Removes exactly this message: \Deleted then UID EXPUNGE of its UID only (UIDPLUS). */
    private static void remove(IMAPFolder folder, MessageUid uid) throws MessagingException {
        folder.open(Folder.READ_WRITE);
        try {
            if (folder.getUIDValidity() != uid.uidValidity()) {
                return;
            }
            Message old = folder.getMessageByUID(uid.uid());
            if (old != null && !old.isExpunged()) {
                old.setFlag(Flags.Flag.DELETED, true);
                folder.expunge(new Message[] {old});
            }
        } finally {
            folder.close(false);
        }
    }

    private static fr.preau.mail.MailAddress first(List<fr.preau.mail.MailAddress> list) {
        return list.isEmpty() ? null : list.get(0);
    }

    /**
     * What the submission server's refusal means for the user: {@code compose.error.rejected} names the refused
     * recipients (field {@code to}), {@code compose.error.quota.full} names the recipients whose mailbox is full
     * (field {@code to}), {@code compose.error.tooLarge} (field {@code attachments}), {@code compose.error.quota}
     * {@code compose.error.rateLimit} (the account's sending limit of the hour, docs/adr/0081) and
     * {@code compose.error.refused} (field {@code send}).
     */
    static InvalidInputException refusal(SendFailedException e) {
        StringBuilder all = new StringBuilder();
        for (Exception x = e; x != null; x = x instanceof MessagingException me ? me.getNextException() : null) {
            all.append(' ').append(x.getMessage());
        }
        String text = all.toString().toLowerCase(Locale.ROOT);
        LOG.log(Level.INFO, "SMTP refused the message:" + all);
        if (text.contains("sending limit reached")) {
            return new InvalidInputException("send", "compose.error.rateLimit", null);
        }
        if (text.contains("5.3.4") || text.contains("too large") || text.contains("size exceeds")) {
            return new InvalidInputException("attachments", "compose.error.tooLarge", null);
        }
        List<String> full = new ArrayList<>();
        for (Exception x = e; x != null; x = x instanceof MessagingException me ? me.getNextException() : null) {
            if (x instanceof SMTPAddressFailedException refused && refused.getMessage() != null) {
                // The reply repeats the address, which may itself contain "quota".
                InternetAddress address = refused.getAddress();
                if (quota(refused.getMessage().replace(address.getAddress(), ""))) {
                    full.add(shown(address));
                }
            }
        }
        if (!full.isEmpty()) {
            return new InvalidInputException("to", "compose.error.quota.full", String.join(", ", full));
        }
        if (quota(text)) {
            return new InvalidInputException("send", "compose.error.quota", null);
        }
        Address[] invalid = e.getInvalidAddresses();
        if (invalid != null && invalid.length > 0) {
            String names = String.join(", ", Arrays.stream(invalid).map(MailSender::shown).toList());
            return new InvalidInputException("to", "compose.error.rejected", names);
        }
        return new InvalidInputException("send", "compose.error.refused", null);
    }

    /** An address as the user typed it: the display name unencoded (no RFC 2047 words). */
    private static String shown(Address address) {
        return address instanceof InternetAddress ia ? ia.toUnicodeString() : address.toString();
    }

    /** A full mailbox: 5.2.2 / 4.2.2 (RFC 3463), as Dovecot's quota-status answers at RCPT time (ADR 0045). */
    private static boolean quota(String reply) {
        String text = reply == null ? "" : reply.toLowerCase(Locale.ROOT);
        return text.contains("5.2.2") || text.contains("4.2.2") || text.contains("quota")
                || text.contains("mailbox full") || text.contains("mailbox is full");
    }
}
