package fr.preau.web.mail;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import fr.preau.mail.FolderPath;
import fr.preau.mail.MessageActionService;
import fr.preau.mail.MessageUid;
import fr.preau.web.shared.Feedback;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * What the user does to messages of the list: to the checked rows (toolbar, shortcuts, drag and drop) or to the
 * open message (its toolbar): read/unread, flag, labels, move, delete to the Corbeille, archive; and emptying the
 * Corbeille. Failures are said in French; nothing changes then.
 */
@Named
@ViewScoped
public class MessageActionsView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private MessageActionService actions;

    @Inject
    private InboxView inbox;

    /** The messages the open dialog (move, label) acts on. */
    private List<MessageUid> pending = List.of();
    private boolean pendingIsCurrent;
    private String target;
    private String label;
    private String newLabelName;
    private String newLabelColour = "#2e7d32";

    // ---- on the checked rows -------------------------------------------------------------------------------

    public void markRead() {
        flag(selection(), uids -> {
            actions.markSeen(folder(), uids, true);
            return uids.size();
        }, "mail.action.read");
    }

    public void markUnread() {
        flag(selection(), uids -> {
            actions.markSeen(folder(), uids, false);
            return uids.size();
        }, "mail.action.unread");
    }

    public void markFlagged() {
        flag(selection(), uids -> {
            actions.markFlagged(folder(), uids, true);
            return uids.size();
        }, "mail.action.flagged");
    }

    public void markUnflagged() {
        flag(selection(), uids -> {
            actions.markFlagged(folder(), uids, false);
            return uids.size();
        }, "mail.action.unflagged");
    }

    public void delete() {
        remove(selection(), uids -> actions.delete(folder(), uids), "mail.action.deleted");
    }

    public void archive() {
        remove(selection(), uids -> actions.archive(folder(), uids), "mail.action.archived");
    }

    /** Opens the move or label dialog for the checked rows. */
    public void prepareForSelection() {
        pending = selection();
        pendingIsCurrent = false;
    }

    // ---- on the open message -------------------------------------------------------------------------------

    public void deleteCurrent() {
        remove(current(), uids -> actions.delete(folder(), uids), "mail.action.deleted");
    }

    public void archiveCurrent() {
        remove(current(), uids -> actions.archive(folder(), uids), "mail.action.archived");
    }

    public void markCurrentUnread() {
        flag(current(), uids -> {
            actions.markSeen(folder(), uids, false);
            return 1;
        }, "mail.action.unread");
    }

    public void toggleCurrentFlag() {
        boolean on = inbox.getCurrent() != null && !inbox.getCurrent().summary().flagged();
        flag(current(), uids -> {
            actions.markFlagged(folder(), uids, on);
            return 1;
        }, on ? "mail.action.flagged" : "mail.action.unflagged");
    }

    public void prepareForCurrent() {
        pending = current();
        pendingIsCurrent = true;
    }

    // ---- dialogs -------------------------------------------------------------------------------------------

    /** Moves the pending messages to the folder chosen in "Déplacer vers…". */
    public void moveToTarget() {
        if (target == null || target.isBlank()) {
            Feedback.error(null, "mail.move.error.none");
            return;
        }
        FolderPath to = new FolderPath(target);
        if (remove(pending, uids -> actions.move(folder(), uids, to), "mail.action.moved")) {
            target = null;
        }
    }

    /** Moves dropped rows: request parameters {@code keys} (row keys, comma-separated) and {@code target}. */
    public void dropMove() {
        var params = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String keys = params.getOrDefault("keys", "");
        String to = params.get("target");
        List<MessageUid> uids = new ArrayList<>();
        try {
            for (String key : keys.split(",")) {
                if (!key.isBlank()) {
                    uids.add(MessageUid.parse(key.trim()));
                }
            }
            FolderPath destination = new FolderPath(to);
            remove(uids, u -> actions.move(folder(), u, destination), "mail.action.moved");
        } catch (IllegalArgumentException e) {
            Feedback.error(null, "mail.selection.empty");
        }
    }

    public void applyLabel() {
        label(true);
    }

    public void removeLabel() {
        label(false);
    }

    private void label(boolean on) {
        if (label == null || label.isBlank()) {
            Feedback.error(null, "mail.label.error.none");
            return;
        }
        flag(pending, uids -> {
            actions.label(folder(), uids, label, on);
            return uids.size();
        }, on ? "mail.action.labelled" : "mail.action.unlabelled");
    }

    /** Creates one of the user's own labels and selects it in the dialog. */
    public void createLabel() {
        try {
            label = actions.addLabel(newLabelName, newLabelColour).keyword();
            newLabelName = null;
            inbox.loadFolders();
            Feedback.info("mail.label.created");
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** Deletes for good what the Corbeille holds (after the confirmation dialog). */
    public void emptyTrash() {
        try {
            int count = actions.emptyTrash();
            inbox.forgetCurrent();
            inbox.refresh();
            Feedback.info("mail.trash.emptied", count);
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    // ---- plumbing ------------------------------------------------------------------------------------------

    private FolderPath folder() {
        return inbox.getMessages().getFolder();
    }

    private List<MessageUid> selection() {
        return inbox.checkedMessages();
    }

    private List<MessageUid> current() {
        return inbox.getCurrent() == null ? List.of() : List.of(inbox.getCurrent().summary().uid());
    }

    /** A change that keeps the messages here (flags, labels): the list and counts are read again. */
    private void flag(List<MessageUid> uids, ToIntFunction<List<MessageUid>> work, String doneKey) {
        try {
            int count = work.applyAsInt(uids);
            boolean wasCurrent = inbox.getCurrent() != null && uids.contains(inbox.getCurrent().summary().uid());
            inbox.refresh();
            if (wasCurrent && "mail.action.unread".equals(doneKey)) {
                inbox.forgetCurrent();
            }
            Feedback.info(doneKey, count);
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** A change that takes the messages out of this folder; true when it worked. */
    private boolean remove(List<MessageUid> uids, ToIntFunction<List<MessageUid>> work, String doneKey) {
        try {
            int count = work.applyAsInt(uids);
            if (inbox.getCurrent() != null && uids.contains(inbox.getCurrent().summary().uid())) {
                inbox.forgetCurrent();
            }
            inbox.refresh();
            Feedback.info(doneKey, count);
            return true;
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
            return false;
        }
    }

    public boolean isPendingIsCurrent() {
        return pendingIsCurrent;
    }

    public int getPendingCount() {
        return pending.size();
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public String getNewLabelName() {
        return newLabelName;
    }

    public void setNewLabelName(String newLabelName) {
        this.newLabelName = newLabelName;
    }

    public String getNewLabelColour() {
        return newLabelColour;
    }

    public void setNewLabelColour(String newLabelColour) {
        this.newLabelColour = newLabelColour;
    }
}
