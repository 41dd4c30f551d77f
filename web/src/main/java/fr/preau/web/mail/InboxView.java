package fr.preau.web.mail;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.preau.mail.FolderInfo;
import fr.preau.mail.FolderPath;
import fr.preau.mail.FolderService;
import fr.preau.mail.MailLabel;
import fr.preau.mail.MailboxOverview;
import fr.preau.mail.OpenedOverview;
import fr.preau.mail.ReadingService;
import fr.preau.mail.MessageActionService;
import fr.preau.mail.MessageContent;
import fr.preau.mail.MessageSort;
import fr.preau.mail.MessageSummary;
import fr.preau.mail.MessageUid;
import fr.preau.mail.QuotaInfo;
import fr.preau.mail.SpecialUse;
import fr.preau.web.shared.Feedback;
import fr.preau.web.shared.UserView;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.SelectEvent;

/** The mail page: folders, the current folder's messages, the open message. */
@Named
@ViewScoped
public class InboxView implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Messages per page of the list (the table's {@code rows}). */
    public static final int PAGE_SIZE = 50;

    @EJB
    private ReadingService reading;

    @EJB
    private MessageActionService actions;

    @EJB
    private FolderService folderService;

    @Inject
    private UserView user;

    private String folderName;
    private List<FolderInfo> folders = List.of();
    private MessageLazyDataModel messages;
    private MessageSummary selected;
    private MessageContent current;
    private MessageSort sort = MessageSort.ARRIVAL;
    private boolean descending = true;
    private boolean conversations;
    private List<MessageSummary> checked = new ArrayList<>();
    private List<MailLabel> labels = List.of();
    private Map<String, String> colours = Map.of();
    /** The quota read with the first page (null: no quota), when {@link #quotaKnown}. */
    private QuotaInfo quota;
    private boolean quotaKnown;
    /** The {@code message} view parameter ({@code validity:uid}): a search result opened in its folder. */
    private String messageParam;

    /** Called once the {@code dossier} view parameter is known (f:viewAction). */
    public void init() {
        FolderPath folder;
        try {
            folder = new FolderPath(folderName == null || folderName.isBlank() ? "INBOX" : folderName);
        } catch (IllegalArgumentException e) {
            folder = FolderPath.INBOX;
        }
        folderName = folder.name();
        try {
            conversations = actions.conversationView();
        } catch (RuntimeException e) {
            conversations = false;
        }
        messages = new MessageLazyDataModel(actions, folder, sort, descending, conversations, PAGE_SIZE);
        MessageUid linked = linkedMessage();
        if (linked == null) {
            firstRender(folder);
        } else {
            firstRenderOpening(folder, linked);
        }
        user.loadIfMissing();
    }

    /** The message of the {@code message} parameter, or null (none, or a mangled link: the folder alone is shown). */
    private MessageUid linkedMessage() {
        if (messageParam == null || messageParam.isBlank()) {
            return null;
        }
        try {
            return MessageUid.parse(messageParam);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A link to a message: opened, and the page around it, over one IMAP connection. */
    private void firstRenderOpening(FolderPath folder, MessageUid linked) {
        try {
            OpenedOverview opened = reading.openWithOverview(folder, linked, sort, descending, conversations,
                    PAGE_SIZE);
            if (opened.message() != null) {
                current = opened.message();
                selected = current.summary();
            } else if (opened.openFailure() != null) {
                Feedback.failed(opened.openFailure(), null);
            }
            show(opened.overview());
        } catch (RuntimeException e) {
            openFromLink(linked);
            loadFolders();
        }
    }

    /**
     * The folder tree and the first page over one IMAP connection; when that fails (folder gone, server down), each
     * part is asked for on its own, so each says what went wrong.
     */
    private void firstRender(FolderPath folder) {
        try {
            show(actions.overview(folder, sort, descending, conversations, PAGE_SIZE));
        } catch (RuntimeException e) {
            loadFolders();
        }
    }

    private void show(MailboxOverview overview) {
        folders = overview.folders();
        quota = overview.quota();
        quotaKnown = true;
        messages.firstPage(overview.firstPage());
        loadPreferences();
    }

    private void openFromLink(MessageUid linked) {
        try {
            current = reading.open(messages.getFolder(), linked);
            selected = current.summary();
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    public void refresh() {
        loadFolders();
        reloadList();
    }

    /** A new list model (same folder and order): the next render fetches the current page again. */
    void reloadList() {
        messages = new MessageLazyDataModel(actions, messages.getFolder(), sort, descending, conversations,
                PAGE_SIZE);
        checked = new ArrayList<>();
    }

    void loadFolders() {
        try {
            folders = folderService.folders();
        } catch (RuntimeException e) {
            folders = List.of();
            Feedback.failed(e, null);
        }
        loadPreferences();
    }

    private void loadPreferences() {
        try {
            colours = folderService.colours();
            labels = actions.labels();
        } catch (RuntimeException e) {
            // Colours and label names are preferences: without the database the mail still shows, plainer.
            colours = Map.of();
            labels = MessageActionService.ACADEMY_LABELS;
        }
    }

    /** A click on a row opens it; a shift- or ctrl-click that extends the selection does not. */
    public void onRowSelect(SelectEvent<MessageSummary> event) {
        if (checked == null || checked.size() <= 1) {
            open(event.getObject());
        }
    }

    /** The list in another order (IMAP SORT on the server), from its first page. */
    public void resort() {
        reloadList();
    }

    /** Switches between one row per message and one row per conversation, and remembers the choice. */
    public void toggleConversations() {
        conversations = !conversations;
        try {
            actions.setConversationView(conversations);
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
        reloadList();
    }

    /** The messages the checked rows stand for (whole conversations in the conversation view). */
    public List<fr.preau.mail.MessageUid> checkedMessages() {
        return checked.stream().flatMap(m -> messages.membersOf(m).stream()).distinct().toList();
    }

    /** Messages in the row's conversation (1 outside the conversation view). */
    public int threadSize(MessageSummary message) {
        return messages.threadSizeOf(message);
    }

    /** "3 messages dans la conversation", for screen readers. */
    public String threadLabel(MessageSummary message) {
        return Feedback.text("mail.conversations.size", threadSize(message));
    }

    public void toggleDirection() {
        descending = !descending;
        reloadList();
    }

    /** The colour chosen for a folder, or null. */
    public String colour(FolderInfo folder) {
        return colours.get(folder.path().name());
    }

    /** The labels of a message on the current page, in the order of {@link #getLabels()}. */
    public List<MailLabel> labelsOf(MessageSummary message) {
        List<String> keywords = messages.keywordsOf(message);
        return labels.stream().filter(l -> keywords.contains(l.keyword())).toList();
    }

    public boolean isTrashFolder() {
        return folders.stream().anyMatch(f -> f.path().name().equals(folderName) && f.use() == SpecialUse.TRASH);
    }

    /** The folder shown, when the user may rename, move or delete it (not INBOX nor a special-use folder). */
    public boolean isOrdinaryFolder() {
        return folders.stream().anyMatch(f -> f.path().name().equals(folderName) && f.use() == SpecialUse.NONE);
    }

    /** Folders that can receive messages, except the current one. */
    public List<FolderInfo> getMoveTargets() {
        return folders.stream().filter(f -> f.selectable() && !f.path().name().equals(folderName)).toList();
    }

    private void open(MessageSummary summary) {
        if (summary == null) {
            return;
        }
        try {
            current = reading.open(messages.getFolder(), summary.uid());
            selected = current.summary();
            if (!summary.seen()) {
                // Opening marked it read: the badge follows without asking the server again.
                folders = folders.stream().map(f -> f.path().equals(messages.getFolder()) ? f.oneLessUnread() : f)
                        .toList();
            }
        } catch (RuntimeException e) {
            current = null;
            Feedback.failed(e, null);
        }
    }

    public void closeMessage() {
        current = null;
        selected = null;
    }

    /** The label of a folder: French name of a special-use folder, else its own name. */
    public String label(FolderInfo folder) {
        return folder.use() == SpecialUse.NONE ? folder.label() : Feedback.text("mail.folder." + folder.use().name());
    }

    /** "3 non lu(s)" for screen readers. */
    public String unreadLabel(FolderInfo folder) {
        return Feedback.text("mail.folders.unread", folder.unread());
    }

    /** PrimeIcons name for a folder. */
    public String icon(FolderInfo folder) {
        return switch (folder.use()) {
            case INBOX -> "pi pi-inbox";
            case DRAFTS -> "pi pi-file-edit";
            case SENT -> "pi pi-send";
            case ARCHIVE -> "pi pi-box";
            case JUNK -> "pi pi-ban";
            case TRASH -> "pi pi-trash";
            default -> "pi pi-folder";
        };
    }

    public String getCurrentFolderLabel() {
        return folders.stream().filter(f -> f.path().name().equals(folderName)).findFirst().map(this::label)
                .orElse(FolderPath.INBOX.name().equals(folderName) ? Feedback.text("mail.folder.INBOX") : folderName);
    }

    public boolean isSentFolder() {
        return folders.stream().anyMatch(f -> f.path().name().equals(folderName) && f.use() == SpecialUse.SENT);
    }

    /** Whether the quota came with the first page ({@link #getFirstQuota()} is then the answer, null or not). */
    public boolean isQuotaKnown() {
        return quotaKnown;
    }

    public QuotaInfo getFirstQuota() {
        return quota;
    }

    public int getPageSize() {
        return PAGE_SIZE;
    }

    public String getFolderName() {
        return folderName;
    }

    public void setFolderName(String folderName) {
        this.folderName = folderName;
    }

    public String getMessageParam() {
        return messageParam;
    }

    public void setMessageParam(String messageParam) {
        this.messageParam = messageParam;
    }

    public List<FolderInfo> getFolders() {
        return folders;
    }

    public MessageLazyDataModel getMessages() {
        return messages;
    }

    public MessageSummary getSelected() {
        return selected;
    }

    public void setSelected(MessageSummary selected) {
        this.selected = selected;
    }

    public MessageContent getCurrent() {
        return current;
    }

    /** The current message is gone from this folder (moved, deleted): the reading pane empties. */
    void forgetCurrent() {
        current = null;
        selected = null;
    }

    public MessageSort getSort() {
        return sort;
    }

    public void setSort(MessageSort sort) {
        this.sort = sort == null ? MessageSort.ARRIVAL : sort;
    }

    public MessageSort[] getSorts() {
        return MessageSort.values();
    }

    public boolean isConversations() {
        return conversations;
    }

    public boolean isDescending() {
        return descending;
    }

    public List<MessageSummary> getChecked() {
        return checked;
    }

    public void setChecked(List<MessageSummary> checked) {
        this.checked = checked == null ? new ArrayList<>() : new ArrayList<>(checked);
    }

    public List<MailLabel> getLabels() {
        return labels;
    }
}
