package fr.preau.mail;

import java.io.Serializable;
import java.util.List;

/**
 * A message as the reading pane shows it, before sanitising: its envelope, recipients, parsed content, the read
 * receipt it asks for (or null) and the door it entered by.
 */
public record OpenedMessage(MessageSummary summary, List<MailAddress> to, List<MailAddress> cc, ParsedMessage parsed,
        ReceiptRequest receipt, Entry entry) implements Serializable {

    /**
     * The door a message came in by, from the first {@code X-Preau-Entree} header: Postfix prepends one at DATA on
     * each of its ports (main.cf, docs/adr/0076), above every header the client sent, so only the first one counts.
     */
    public enum Entry {
        /** Inbound SMTP: anyone, from outside (and Sieve's redirects and vacation replies). */
        SMTP,
        /** The submission port: a signed-in account of the academy. */
        SUBMISSION,
        /** No such header: the message was put in the mailbox over IMAP (drafts, sent copies, imports). */
        UNKNOWN
    }
}
