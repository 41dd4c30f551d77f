package fr.preau.web.mail;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import fr.preau.mail.FolderPath;
import fr.preau.mail.FolderService;
import fr.preau.mail.QuotaInfo;
import fr.preau.web.shared.Feedback;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The folder tree's dialogs (create, rename, move, colour, delete) on the folder shown, and the quota bar and
 * banner. Failures are named next to the field in French; nothing changes then.
 */
@Named
@ViewScoped
public class FolderManagerView implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Colours offered for folders and labels: readable on white and as a dot. */
    private static final List<String> PALETTE = List.of("#b71c1c", "#e65100", "#2e7d32", "#1565c0", "#6a1b9a",
            "#455a64");

    @EJB
    private FolderService folders;

    @Inject
    private InboxView inbox;

    private String name;
    private String parent;
    private String colour;
    private int deleteCount;
    private QuotaInfo quota;
    private boolean quotaLoaded;

    /** Empties the create dialog; the new folder goes under the folder shown unless changed. */
    public void prepareCreate() {
        name = null;
        parent = null;
    }

    public void prepareRename() {
        name = leaf(inbox.getFolderName());
    }

    public void prepareMove() {
        parent = null;
    }

    public void prepareColour() {
        colour = inbox.getFolders().stream().filter(f -> f.path().name().equals(inbox.getFolderName()))
                .findFirst().map(inbox::colour).orElse(null);
    }

    /** Counts what deleting would move to the Corbeille, for the confirmation. */
    public void prepareDelete() {
        try {
            deleteCount = folders.messageCount(current());
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    public String create() {
        try {
            FolderPath created = folders.create(blankToNull(parent), name);
            Feedback.info("mail.folder.created", leaf(created.name()));
            return show(created);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    public String rename() {
        try {
            FolderPath renamed = folders.rename(current(), name);
            Feedback.info("mail.folder.renamed", leaf(renamed.name()));
            return show(renamed);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    public String move() {
        try {
            FolderPath moved = folders.move(current(), blankToNull(parent));
            Feedback.info("mail.folder.moved", leaf(moved.name()));
            return show(moved);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    public void saveColour() {
        try {
            folders.setColour(current(), colour);
            inbox.loadFolders();
            Feedback.info("mail.folder.coloured");
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    public String delete() {
        try {
            int moved = folders.delete(current());
            Feedback.info("mail.folder.deleted", moved);
            return show(FolderPath.INBOX);
        } catch (RuntimeException e) {
            return failed(e);
        }
    }

    /** The quota, read once per page view; null without a quota or when it cannot be read. */
    public QuotaInfo getQuota() {
        if (!quotaLoaded) {
            quotaLoaded = true;
            if (inbox.isQuotaKnown()) {
                quota = inbox.getFirstQuota();
            } else {
                try {
                    quota = folders.quota();
                } catch (RuntimeException e) {
                    quota = null;
                }
            }
        }
        return quota;
    }

    /** 0 below 80 %, else 80, 90 or 100: which banner to show. */
    public int getQuotaLevel() {
        QuotaInfo q = getQuota();
        if (q == null) {
            return 0;
        }
        int percent = q.percent();
        return percent >= 100 ? 100 : percent >= 90 ? 90 : percent >= 80 ? 80 : 0;
    }

    /** "1,2 Go sur 2 Go" from kibibytes. */
    public String quotaText() {
        QuotaInfo q = getQuota();
        return q == null ? "" : Feedback.text("mail.quota.usage", kb(q.usedKb()), kb(q.limitKb()), q.percent());
    }

    private static String kb(long kb) {
        if (kb >= 1024 * 1024) {
            return String.format(java.util.Locale.FRENCH, "%.1f Go", kb / (1024.0 * 1024.0));
        }
        if (kb >= 1024) {
            return String.format(java.util.Locale.FRENCH, "%.1f Mo", kb / 1024.0);
        }
        return kb + " Ko";
    }

    public String folderLabel(FolderPath path) {
        return inbox.getFolders().stream().filter(f -> f.path().equals(path)).findFirst().map(inbox::label)
                .orElse(path.name());
    }

    private String show(FolderPath path) {
        Feedback.keepForRedirect();
        return "/mail/inbox?faces-redirect=true&dossier=" + URLEncoder.encode(path.name(), StandardCharsets.UTF_8);
    }

    private static String failed(RuntimeException e) {
        Feedback.failed(e, null);
        return null;
    }

    private FolderPath current() {
        return new FolderPath(inbox.getFolderName());
    }

    private static FolderPath blankToNull(String path) {
        return path == null || path.isBlank() ? null : new FolderPath(path);
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public List<String> getPalette() {
        return PALETTE;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getParent() {
        return parent;
    }

    public void setParent(String parent) {
        this.parent = parent;
    }

    public String getColour() {
        return colour;
    }

    public void setColour(String colour) {
        this.colour = colour;
    }

    /** The confirmation: what will go to the Corbeille. */
    public String getDeleteText() {
        String label = inbox.getCurrentFolderLabel();
        return deleteCount > 0 ? Feedback.text("mail.folder.delete.withMail", label, deleteCount)
                : Feedback.text("mail.folder.delete.empty", label);
    }
}
