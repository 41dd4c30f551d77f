package fr.preau.mail;

import java.io.Serializable;
import java.util.List;

/**
 * The mailbox's storage quota from GETQUOTAROOT (kibibytes) and its largest folders, biggest first.
 */
public record QuotaInfo(long usedKb, long limitKb, List<FolderSize> largest) implements Serializable {
    /** A folder and its size in bytes (STATUS SIZE). */
    public record FolderSize(FolderPath path, long bytes) implements Serializable {
    }

    /** Whole percent used, 0 when there is no limit. */
    public int percent() {
        return limitKb <= 0 ? 0 : (int) Math.min(100, usedKb * 100 / limitKb);
    }
}
