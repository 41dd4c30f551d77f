package fr.preau.mail;

import java.io.Serializable;
import java.util.List;

/** A row of the message list with its IMAP keywords (the labels, ADR 0020). */
public record ListedMessage(MessageSummary summary, List<String> keywords) implements Serializable {
}
