package fr.preau.mail;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import fr.preau.shared.InvalidInputException;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/**
 * The message list of the caller's mailbox and what they do to messages: sorted pages, read/unread, flag, labels
 * (IMAP keywords, ADR 0020), move, delete to the Corbeille, archive by year, empty the Corbeille. A moved message
 * is in exactly one folder afterwards, even when the server stops in the middle (UID MOVE, ADR 0021). In a mailbox
 * delegated to the caller ({@link MailboxAccess#current}) the changes need *lecture et classement*
 * ({@link MailboxAccess#currentToFile}); labels and the conversation view stay the caller's own preferences.
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class MessageActionService {
    /** The labels every user has; their own come after. */
    public static final List<MailLabel> ACADEMY_LABELS = List.of(
            new MailLabel("urgent", "Urgent", "#b71c1c"),
            new MailLabel("pedagogie", "Pédagogie", "#1565c0"),
            new MailLabel("rh", "RH", "#6a1b9a"));
    static final String LABELS = "mail.labels";
    /** User setting: "true" when the list shows conversations. */
    static final String CONVERSATIONS = "mail.list.conversations";
    static final int MAX_SELECTION = 10_000;
    private static final int MAX_OWN_LABELS = 30;

    @EJB
    private MailboxAccess access;

    @EJB
    private MailboxSettings settings;

    @Inject
    private Mailbox mailbox;

    /**
     * One page of a folder in the given order.
     *
     * @param offset messages to skip, 0 or more
     * @param limit page size, 1 to 200
     */
    public ListPage page(FolderPath folder, MessageSort sort, boolean descending, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 200 || sort == null) {
            throw new IllegalArgumentException("Bad page: " + offset + "/" + limit + "/" + sort);
        }
        return mailbox.page(access.current(), folder, sort, descending, offset, limit);
    }

    /**
     * The folder tree with its counts and the first page of one folder (conversations when the caller chose them),
     * over one IMAP connection: the mail page's first render.
     */
    public MailboxOverview overview(FolderPath folder, MessageSort sort, boolean descending, boolean conversations,
            int limit) {
        if (limit < 1 || limit > 200 || sort == null) {
            throw new IllegalArgumentException("Bad page: " + limit + "/" + sort);
        }
        return mailbox.overview(access.current(), folder, sort, descending, conversations, limit);
    }

    /** One page of the folder's conversations (IMAP THREAD=REFERENCES), newest activity first. */
    public ListPage conversations(FolderPath folder, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 200) {
            throw new IllegalArgumentException("Bad page: " + offset + "/" + limit);
        }
        return mailbox.threadPage(access.current(), folder, offset, limit);
    }

    /** Whether the caller chose the conversation view. */
    public boolean conversationView() {
        return settings.get(access.own(), CONVERSATIONS).map(Boolean::parseBoolean).orElse(false);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void setConversationView(boolean on) {
        settings.put(access.own(), CONVERSATIONS, on ? "true" : null);
    }

    public void markSeen(FolderPath folder, List<MessageUid> uids, boolean seen) {
        mailbox.flag(access.currentToFile(), folder, checked(uids), MessageFlag.SEEN, seen);
    }

    public void markFlagged(FolderPath folder, List<MessageUid> uids, boolean flagged) {
        mailbox.flag(access.currentToFile(), folder, checked(uids), MessageFlag.FLAGGED, flagged);
    }

    /** Adds or removes a label; the keyword must be one of the caller's labels. */
    public void label(FolderPath folder, List<MessageUid> uids, String keyword, boolean on) {
        if (labels().stream().noneMatch(l -> l.keyword().equals(keyword))) {
            throw new InvalidInputException("label", "mail.label.error.unknown", keyword);
        }
        mailbox.keyword(access.currentToFile(), folder, checked(uids), keyword, on);
    }

    public int move(FolderPath from, List<MessageUid> uids, FolderPath to) {
        return mailbox.move(access.currentToFile(), from, checked(uids), to);
    }

    public int delete(FolderPath from, List<MessageUid> uids) {
        return mailbox.delete(access.currentToFile(), from, checked(uids));
    }

    public int archive(FolderPath from, List<MessageUid> uids) {
        return mailbox.archive(access.currentToFile(), from, checked(uids));
    }

    /** Deletes for good what the Corbeille holds now; returns how many messages. */
    public int emptyTrash() {
        return mailbox.emptyTrash(access.currentToFile());
    }

    /** The academy's labels, then the caller's own. */
    public List<MailLabel> labels() {
        List<MailLabel> result = new ArrayList<>(ACADEMY_LABELS);
        result.addAll(ownLabels());
        return result;
    }

    /** Adds a label of the caller's own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public MailLabel addLabel(String name, String colour) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MailLabel.MAX_NAME) {
            throw new InvalidInputException("labelName", "mail.label.error.name", String.valueOf(MailLabel.MAX_NAME));
        }
        if (!MailLabel.isColour(colour)) {
            throw new InvalidInputException("labelColour", "mail.colour.error", colour);
        }
        String keyword = MailLabel.keywordOf(clean);
        if (keyword.replace("_", "").isEmpty()) {
            throw new InvalidInputException("labelName", "mail.label.error.name", String.valueOf(MailLabel.MAX_NAME));
        }
        List<MailLabel> own = ownLabels();
        if (labels().stream().anyMatch(l -> l.keyword().equals(keyword))) {
            throw new InvalidInputException("labelName", "mail.label.error.exists", clean);
        }
        if (own.size() >= MAX_OWN_LABELS) {
            throw new InvalidInputException("labelName", "mail.label.error.tooMany", String.valueOf(MAX_OWN_LABELS));
        }
        MailLabel label = new MailLabel(keyword, clean, colour.toLowerCase(java.util.Locale.ROOT));
        own.add(label);
        JsonArrayBuilder json = Json.createArrayBuilder();
        for (MailLabel l : own) {
            json.add(Json.createObjectBuilder().add("keyword", l.keyword()).add("name", l.name())
                    .add("colour", l.colour()));
        }
        settings.put(access.own(), LABELS, json.build().toString());
        return label;
    }

    private List<MailLabel> ownLabels() {
        List<MailLabel> own = new ArrayList<>();
        settings.get(access.own(), LABELS).ifPresent(text -> {
            JsonArray array = Json.createReader(new StringReader(text)).readArray();
            for (JsonObject o : array.getValuesAs(JsonObject.class)) {
                own.add(new MailLabel(o.getString("keyword"), o.getString("name"), o.getString("colour")));
            }
        });
        return own;
    }

    private static List<MessageUid> checked(List<MessageUid> uids) {
        if (uids == null || uids.isEmpty()) {
            throw new InvalidInputException("selection", "mail.selection.empty", null);
        }
        if (uids.size() > MAX_SELECTION) {
            throw new InvalidInputException("selection", "mail.selection.tooMany", String.valueOf(MAX_SELECTION));
        }
        return uids;
    }
}
