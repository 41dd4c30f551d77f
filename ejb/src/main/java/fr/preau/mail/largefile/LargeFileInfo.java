package fr.preau.mail.largefile;

import java.time.Instant;

/** What the download page shows about a link. */
public record LargeFileInfo(String fileName, long size, String contentType, String senderName,
        String senderAddress, Instant expiresAt, int downloads, boolean expired) {
}
