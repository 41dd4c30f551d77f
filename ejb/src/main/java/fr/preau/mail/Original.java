package fr.preau.mail;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;


/**
 * A received message that the user replies to or forwards: what the reply needs to address it, thread it and quote
 * it. {@code whole} (the message itself, to forward as an attachment) and {@code attachments} are filled only for
 * a forward: both refer to the mailbox, they hold no bytes.
 */
public record Original(String messageId, List<String> references, MailAddress from, List<MailAddress> replyTo,
        List<MailAddress> to, List<MailAddress> cc, String subject, Instant date, String text,
        List<OutgoingAttachment> attachments, OutgoingAttachment whole) implements Serializable {
    public Original {
        references = references == null ? List.of() : List.copyOf(references);
        replyTo = replyTo == null ? List.of() : List.copyOf(replyTo);
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
