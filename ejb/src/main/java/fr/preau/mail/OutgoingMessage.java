package fr.preau.mail;

import java.util.List;

/** A message the user wrote, recipients already parsed. The subject never contains line breaks. */
public record OutgoingMessage(List<MailAddress> to, List<MailAddress> cc, String subject, String text) {
    public OutgoingMessage {
        to = List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        subject = subject == null ? "" : subject.replaceAll("[\\r\\n\\t]+", " ").strip();
        text = text == null ? "" : text;
    }
}
