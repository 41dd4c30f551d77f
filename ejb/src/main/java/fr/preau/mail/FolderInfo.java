package fr.preau.mail;

/** A folder as the folder list shows it. {@code depth} is 0 for top-level folders. */
public record FolderInfo(FolderPath path, String label, SpecialUse use, int unread, int total, int depth,
        boolean selectable) {
}
