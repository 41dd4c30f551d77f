package fr.preau.mail;

import java.time.Instant;

/**
 * A message in the holding mailbox of moderated lists (ADR 0101), as {@link Mailbox#held} reads it.
 *
 * @param uid its place in the holding mailbox's INBOX
 * @param deliveredTo the address it was delivered to (the first {@code Delivered-To}, written by Dovecot's LMTP):
 *     which list it waits for
 * @param messageId its {@code Message-ID}, or null
 * @param envelopeSender the envelope sender it came with ({@code Return-Path}), empty for the null sender
 * @param from the {@code From} header as written, or empty
 * @param subject its subject, or empty
 * @param date its {@code Date} header, else its arrival
 * @param preview the start of its plain text (never HTML), for the moderator to judge
 */
public record HeldMessage(MessageUid uid, String deliveredTo, String messageId, String envelopeSender, String from,
        String subject, Instant date, String preview) {
}
