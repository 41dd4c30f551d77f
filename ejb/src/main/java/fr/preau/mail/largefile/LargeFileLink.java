package fr.preau.mail.largefile;

import java.time.Instant;

/** A finished upload: the token of its link (shown once, never stored), its name, size and expiry. */
public record LargeFileLink(String token, String fileName, long size, Instant expiresAt) {
}
