package fr.preau.mail.imap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import fr.preau.mail.HeldMessage;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.MessageUid;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.HeaderTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * The holding mailbox of moderated lists (ADR 0101): Postfix delivers each held message there with the list in the
 * address's detail, which Dovecot's LMTP writes as the first {@code Delivered-To}; the portal reads it through the
 * master user, releases a message by submitting its bytes again, and removes it.
 */
@ApplicationScoped
public class HeldMail {
    private static final String INBOX = "INBOX";
    private static final int PREVIEW = 600;

    @Inject
    private ImapConnector imap;

    @Inject
    private MailSender sender;

    List<HeldMessage> list(MailboxContext ctx, String deliveredTo) {
        try (Store store = imap.connect(ctx); ImapConnector.OpenFolder open = SendEvidence.inbox(store, false)) {
            IMAPFolder folder = (IMAPFolder) open.folder();
            long validity = folder.getUIDValidity();
            // The server's SEARCH finds the candidates (a substring match), so only their bodies are fetched.
            Message[] all = deliveredTo == null ? folder.getMessages()
                    : folder.search(new HeaderTerm("Delivered-To", deliveredTo));
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add("Delivered-To");
            profile.add("Return-Path");
            profile.add("Message-ID");
            folder.fetch(all, profile);
            List<HeldMessage> held = new ArrayList<>();
            for (Message m : all) {
                if (deliveredTo != null && !deliveredTo.equalsIgnoreCase(first(m, "Delivered-To"))) {
                    continue;
                }
                Date date = m.getSentDate() != null ? m.getSentDate() : m.getReceivedDate();
                held.add(new HeldMessage(new MessageUid(validity, folder.getUID(m)), first(m, "Delivered-To"),
                        m.getHeader("Message-ID") == null ? null : first(m, "Message-ID"),
                        SendEvidence.bare(first(m, "Return-Path")), from(m),
                        m.getSubject() == null ? "" : m.getSubject(),
                        date == null ? Instant.EPOCH : date.toInstant(), preview(m)));
            }
            return held;
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    void release(MailboxContext ctx, MessageUid uid, List<String> recipients) {
        Session session = imap.userSession();
        SMTPMessage message;
        try (Store store = imap.connect(ctx); ImapConnector.OpenFolder open = SendEvidence.inbox(store, false)) {
            Message held = find((IMAPFolder) open.folder(), uid);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            held.writeTo(bytes);
            String envelope = SendEvidence.bare(first(held, "Return-Path"));
            message = new SMTPMessage(session, new ByteArrayInputStream(bytes.toByteArray()));
            // What the holding mailbox's delivery added; the members' deliveries write their own.
            message.removeHeader("Return-Path");
            message.removeHeader("Delivered-To");
            message.setEnvelopeFrom(envelope.isEmpty() ? ctx.actor().address() : envelope);
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        } catch (IOException e) {
            throw ImapConnector.storeFailure(new MessagingException("Held message unreadable", e));
        }
        List<Address> to = new ArrayList<>();
        for (String r : recipients) {
            try {
                to.add(new InternetAddress(r, true));
            } catch (AddressException e) {
                throw new InvalidInputException("recipient", "compose.error.rejected", r);
            }
        }
        sender.submit(ctx, session, message, to.toArray(new Address[0]));
    }

    void remove(MailboxContext ctx, List<MessageUid> uids) {
        if (uids.isEmpty()) {
            return;
        }
        try (Store store = imap.connect(ctx); ImapConnector.OpenFolder open = SendEvidence.inbox(store, true)) {
            IMAPFolder folder = (IMAPFolder) open.folder();
            List<Message> gone = new ArrayList<>();
            for (MessageUid uid : uids) {
                Message m = uid.uidValidity() == folder.getUIDValidity() ? folder.getMessageByUID(uid.uid()) : null;
                if (m != null) {
                    gone.add(m);
                }
            }
            if (!gone.isEmpty()) {
                Message[] array = gone.toArray(new Message[0]);
                folder.setFlags(array, new Flags(Flags.Flag.DELETED), true);
                folder.expunge(array);
            }
        } catch (MessagingException e) {
            throw ImapConnector.storeFailure(e);
        }
    }

    private static Message find(IMAPFolder folder, MessageUid uid) throws MessagingException {
        Message m = uid.uidValidity() == folder.getUIDValidity() ? folder.getMessageByUID(uid.uid()) : null;
        if (m == null) {
            throw new NotFoundException("mail.error.messageGone", INBOX + "/" + uid.uid());
        }
        return m;
    }

    private static String first(Message m, String header) throws MessagingException {
        String[] values = m.getHeader(header);
        return values == null || values.length == 0 ? "" : values[0].strip();
    }

    private static String from(Message m) throws MessagingException {
        try {
            Address[] from = m.getFrom();
            return from == null || from.length == 0 ? "" : ((InternetAddress) from[0]).toUnicodeString();
        } catch (AddressException | ClassCastException e) {
            return first(m, "From");
        }
    }

    /** The start of the first text/plain part: never HTML, which the page would have to clean. */
    private static String preview(Part part) {
        try {
            if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                String text = String.valueOf(part.getContent()).strip();
                return text.length() > PREVIEW ? text.substring(0, PREVIEW) + "…" : text;
            }
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String text = preview(multipart.getBodyPart(i));
                    if (!text.isEmpty()) {
                        return text;
                    }
                }
            }
            return "";
        } catch (MessagingException | IOException e) {
            return "";
        }
    }
}
