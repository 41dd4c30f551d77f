package fr.preau.mail.imap;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

import fr.preau.mail.Attachment;
import fr.preau.mail.ReadingProblem;

/**
 * What {@link MessageParser} could read of a message: its plain text and HTML (decoded, not yet sanitised), the
 * downloadable parts, the inline images by Content-ID, and what could not be decoded.
 *
 * @param contentIds part path by Content-ID (without angle brackets)
 */
public record ParsedMessage(String plain, String html, List<Attachment> attachments, Map<String, String> contentIds,
        List<ReadingProblem> problems) implements Serializable {

    /** The readable text: the plain part, else the text of the HTML part. */
    public String text() {
        if (plain != null) {
            return plain;
        }
        return html != null ? MessageParser.htmlToText(html) : "";
    }

    /** The attachment at this part path, if the message lists one there. */
    public Attachment attachment(String part) {
        return attachments.stream().filter(a -> a.part().equals(part)).findFirst().orElse(null);
    }

    /** Rough size in memory, for the reading cache. */
    long weight() {
        return (plain == null ? 0 : plain.length() * 2L) + (html == null ? 0 : html.length() * 2L)
                + attachments.size() * 200L;
    }
}
