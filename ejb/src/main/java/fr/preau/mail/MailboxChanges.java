package fr.preau.mail;

import java.util.List;
import java.util.Map;

/**
 * What a feature keeps of a mailbox (the search index), told what changed by {@link Mailbox#catchUp}: mail
 * delivered, moved or deleted by any client since it last looked.
 */
public interface MailboxChanges {
    /** What it has seen, by folder name. */
    Map<String, FolderMark> marks();

    /** The folder was re-created (new UIDVALIDITY): forget what was seen of it. */
    void reset(String folder, long uidValidity);

    /** New messages of the folder; every UID below {@code uidNext} has now been given. */
    void added(String folder, long uidValidity, List<MessageText> batch, long uidNext);

    /** Messages left the folder: these UIDs are the ones it still holds. */
    void retainOnly(String folder, long[] uids);

    /** The folder no longer exists. */
    void gone(String folder);
}
