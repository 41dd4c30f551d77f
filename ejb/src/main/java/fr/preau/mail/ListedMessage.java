package fr.preau.mail;

import java.io.Serializable;
import java.util.List;

/**
 * A row of the message list with its IMAP keywords (the labels, ADR 0020). In the conversation view the row stands
 * for a whole thread: {@code thread} holds every message of it (the row's own first), else just the row's message.
 */
public record ListedMessage(MessageSummary summary, List<String> keywords, List<MessageUid> thread)
        implements Serializable {

    public ListedMessage(MessageSummary summary, List<String> keywords) {
        this(summary, keywords, List.of(summary.uid()));
    }
}
