package fr.preau.mail;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.preau.shared.InvalidInputException;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The caller's folder tree: list, create, rename, move, delete (content to the Corbeille first), colours (a user
 * preference) and the quota. The mailbox the caller works in ({@link MailboxAccess#current}): their own, or one
 * delegated to them, whose tree they may list but never change ({@link MailboxAccess#currentForFolders}).
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class FolderService {
    /** User setting holding {@code {"folder path": "#rrggbb"}}. */
    static final String COLOURS = "mail.folder.colours";

    @EJB
    private MailboxAccess access;

    @EJB
    private MailboxSettings settings;

    @Inject
    private Mailbox mailbox;

    /** Who the caller is, as their mailbox shows it. */
    public MailAddress mailboxAddress() {
        return access.own().owner();
    }

    /** The folders, special ones first, each with its unread and total counts. */
    public List<FolderInfo> folders() {
        return mailbox.folders(access.current());
    }

    /** Creates a folder under {@code parent} (null: at the top). */
    public FolderPath create(FolderPath parent, String name) {
        return mailbox.createFolder(access.currentForFolders(), parent, name);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public FolderPath rename(FolderPath path, String newName) {
        FolderPath renamed = mailbox.renameFolder(access.currentForFolders(), path, newName);
        carryColour(path, renamed);
        return renamed;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public FolderPath move(FolderPath path, FolderPath newParent) {
        FolderPath moved = mailbox.moveFolder(access.currentForFolders(), path, newParent);
        carryColour(path, moved);
        return moved;
    }

    /** Messages in the folder and its subfolders: what deleting it would send to the Corbeille. */
    public int messageCount(FolderPath path) {
        return mailbox.messageCount(access.current(), path);
    }

    /** Deletes the folder and its subfolders after moving their messages to the Corbeille; returns that count. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int delete(FolderPath path) {
        int moved = mailbox.deleteFolder(access.currentForFolders(), path);
        Map<String, String> colours = colours();
        if (colours.remove(path.name()) != null) {
            saveColours(colours);
        }
        return moved;
    }

    /** The quota and the largest folders, or null when the mailbox has no quota. */
    public QuotaInfo quota() {
        return mailbox.quota(access.current());
    }

    /** The caller's folder colours, by folder path. */
    public Map<String, String> colours() {
        Map<String, String> result = new TreeMap<>();
        settings.get(access.own(), COLOURS).ifPresent(json -> {
            JsonObject o = Json.createReader(new StringReader(json)).readObject();
            for (Map.Entry<String, JsonValue> e : o.entrySet()) {
                if (e.getValue() instanceof JsonString s && MailLabel.isColour(s.getString())) {
                    result.put(e.getKey(), s.getString());
                }
            }
        });
        return result;
    }

    /** Sets the colour of a folder ({@code #rrggbb}), or removes it with null or blank. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void setColour(FolderPath path, String colour) {
        boolean clear = colour == null || colour.isBlank();
        if (!clear && !MailLabel.isColour(colour)) {
            throw new InvalidInputException("colour", "mail.colour.error", colour);
        }
        Map<String, String> colours = colours();
        if (clear) {
            colours.remove(path.name());
        } else {
            colours.put(path.name(), colour.toLowerCase(java.util.Locale.ROOT));
        }
        saveColours(colours);
    }

    private void carryColour(FolderPath from, FolderPath to) {
        Map<String, String> colours = colours();
        String colour = colours.remove(from.name());
        if (colour != null) {
            colours.put(to.name(), colour);
            saveColours(colours);
        }
    }

    private void saveColours(Map<String, String> colours) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        colours.forEach(json::add);
        settings.put(access.own(), COLOURS, colours.isEmpty() ? null : json.build().toString());
    }
}
