package fr.preau.web.mail;

import java.io.Serializable;
import java.util.List;

import fr.preau.mail.FolderInfo;
import fr.preau.mail.FolderPath;
import fr.preau.mail.MailService;
import fr.preau.mail.MessageContent;
import fr.preau.mail.MessageSummary;
import fr.preau.mail.MessageUid;
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
    private MailService mail;

    @Inject
    private UserView user;

    private String folderName;
    private List<FolderInfo> folders = List.of();
    private MessageLazyDataModel messages;
    private MessageSummary selected;
    private MessageContent current;
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
        messages = new MessageLazyDataModel(mail, folder, PAGE_SIZE);
        openFromLink();
        loadFolders();
        user.loadIfMissing();
    }

    private void openFromLink() {
        if (messageParam == null || messageParam.isBlank()) {
            return;
        }
        try {
            current = mail.open(messages.getFolder(), MessageUid.parse(messageParam));
            selected = current.summary();
        } catch (IllegalArgumentException e) {
            // A mangled link: the folder alone is shown.
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    public void refresh() {
        loadFolders();
        messages = new MessageLazyDataModel(mail, messages.getFolder(), PAGE_SIZE);
    }

    private void loadFolders() {
        try {
            folders = mail.folders();
        } catch (RuntimeException e) {
            folders = List.of();
            Feedback.failed(e, null);
        }
    }

    public void onRowSelect(SelectEvent<MessageSummary> event) {
        open(event.getObject());
    }

    private void open(MessageSummary summary) {
        if (summary == null) {
            return;
        }
        try {
            current = mail.open(messages.getFolder(), summary.uid());
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
}
