package fr.preau.mail.compose;

import java.io.Serializable;

import fr.preau.mail.FolderPath;
import fr.preau.mail.MessageUid;

/** The received message a reply or forward answers: flagged answered or forwarded once it is sent. */
public record ReplyTarget(FolderPath folder, MessageUid uid, ReplyMode mode) implements Serializable {
}
