package fr.preau.mail.imap;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import fr.preau.mail.AttachmentSource;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.OutgoingAttachment;
import fr.preau.mail.imap.ImapConnector.OpenFolder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeUtility;
import org.eclipse.angus.mail.imap.IMAPInputStream;
import org.eclipse.angus.mail.imap.IMAPMessage;

/**
 * Streams the bytes of attachments that refer to a part of a message in the mailbox, as the mailbox owner, while a
 * message is written: Dovecot sends the part in blocks ({@code BODY.PEEK[section]<offset.length>}), so a forwarded
 * file is never held whole in memory. The connection is closed with the stream.
 */
@ApplicationScoped
public class AttachmentReader {
    @Inject
    private ImapConnector imap;

    /** Opens each attachment's bytes: mailbox parts over IMAP as {@code ctx}, the others locally. */
    public MessageBuilder.Data reader(MailboxContext ctx) {
        return a -> a.source() instanceof AttachmentSource.MessagePart part ? open(ctx, a, part)
                : MessageBuilder.local(a);
    }

    private InputStream open(MailboxContext ctx, OutgoingAttachment a, AttachmentSource.MessagePart ref)
            throws IOException {
        Store store = null;
        OpenFolder open = null;
        try {
            store = imap.connect(ctx);
            open = ImapConnector.open(store, ref.folder(), Folder.READ_ONLY);
            IMAPMessage m = (IMAPMessage) MailSender.find(open.folder(), ref.uid(), ref.folder().name());
            InputStream in = ref.section() == null ? new IMAPInputStream(m, null, -1, true)
                    : partStream(m, ref.section(), OutgoingAttachment.MESSAGE_RFC822.equals(a.contentType()));
            return new Closing(in, open, store);
        } catch (MessagingException | RuntimeException e) {
            close(open, store);
            throw new IOException("Attachment " + a.name() + " cannot be read from " + ref, e);
        }
    }

    /** The part's bytes, decoded (a forwarded message as it is). */
    private static InputStream partStream(IMAPMessage m, String section, boolean message)
            throws MessagingException, IOException {
        Part part = m;
        for (String index : section.split("\\.")) {
            if (!(part.getContent() instanceof Multipart multi)) {
                throw new MessagingException("No part " + section);
            }
            part = multi.getBodyPart(Integer.parseInt(index) - 1);
        }
        MimeBodyPart body = (MimeBodyPart) part;
        InputStream raw = body.getRawInputStream();
        String encoding = body.getEncoding();
        return message || encoding == null ? raw : MimeUtility.decode(raw, encoding);
    }

    private static void close(OpenFolder open, Store store) {
        try {
            if (open != null) {
                open.close();
            }
            if (store != null) {
                store.close();
            }
        } catch (MessagingException e) {
            // Closing after a failure: the failure is what the caller hears about.
        }
    }

    /** The part's stream; closing it closes the folder and the connection. */
    private static final class Closing extends FilterInputStream {
        private final OpenFolder open;
        private final Store store;

        Closing(InputStream in, OpenFolder open, Store store) {
            super(in);
            this.open = open;
            this.store = store;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                AttachmentReader.close(open, store);
            }
        }
    }
}
