package fr.preau.mail;

import java.io.Serializable;
import java.util.List;

/**
 * A message opened for reading. {@code text} is plain text (HTML mail is reduced to its text for now);
 * {@code decodingProblem} is true when a part could not be decoded and was shown as well as possible.
 */
public record MessageContent(MessageSummary summary, List<MailAddress> to, List<MailAddress> cc, String text,
        List<String> attachmentNames, boolean decodingProblem) implements Serializable {
}
