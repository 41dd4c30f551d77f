package fr.preau.mail;

import java.io.Serializable;

/** A folder as the folder list shows it. {@code depth} is 0 for top-level folders. */
public record FolderInfo(FolderPath path, String label, SpecialUse use, int unread, int total, int depth,
        boolean selectable) implements Serializable {

    /** The same folder with one message fewer unread (a message was just opened). */
    public FolderInfo oneLessUnread() {
        return new FolderInfo(path, label, use, Math.max(0, unread - 1), total, depth, selectable);
    }
}
