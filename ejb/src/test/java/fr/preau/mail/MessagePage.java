package fr.preau.mail;

import java.util.List;

/** A page of the list as the tests read it: newest first (by arrival), the rows' envelopes and flags. */
public record MessagePage(int total, List<MessageSummary> messages) {

    /** The first {@code limit} rows from {@code offset}, newest arrival first, as the mail page lists them. */
    static MessagePage of(MessageActionService actions, FolderPath folder, int offset, int limit) {
        ListPage page = actions.page(folder, MessageSort.ARRIVAL, true, offset, limit);
        return new MessagePage(page.total(), page.rows().stream().map(ListedMessage::summary).toList());
    }
}
