package fr.preau.mail.search;

import java.io.Serializable;
import java.time.Instant;

import fr.preau.mail.FolderPath;
import fr.preau.mail.MessageUid;

/** A message that matches, with what the result list shows and where to open it. */
public record SearchHit(FolderPath folder, MessageUid uid, String from, String subject, Instant date, long size,
        boolean attachment) implements Serializable {
}
