package fr.preau.mail;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What the mail store could read of a message: its plain text and HTML (decoded, not yet sanitised), the readable
 * text, the downloadable parts, the inline images by Content-ID, and what could not be decoded.
 *
 * @param text the readable text: the plain part, else the text of the HTML part (made once, when parsed)
 * @param contentIds part path by Content-ID (without angle brackets)
 */
public record ParsedMessage(String plain, String html, String text, List<Attachment> attachments,
        Map<String, String> contentIds, List<ReadingProblem> problems) implements Serializable {

    /** The attachment at this part path, if the message lists one there. */
    public Attachment attachment(String part) {
        return attachments.stream().filter(a -> a.part().equals(part)).findFirst().orElse(null);
    }

    /** Rough size in memory, for the reading cache. */
    public long weight() {
        return (plain == null ? 0 : plain.length() * 2L) + (html == null ? 0 : html.length() * 2L)
                + (plain == null ? text.length() * 2L : 0) + attachments.size() * 200L;
    }
}
