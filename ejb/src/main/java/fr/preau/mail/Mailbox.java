package fr.preau.mail;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one door into a mail store (docs/adr/0085). It speaks Préau's value types only, and every call takes the
 * caller's {@link MailboxContext}, made by {@link MailboxAccess}: the store opens the context's owner mailbox for its
 * actor, and nothing else. {@code fr.preau.mail.imap} implements it over Dovecot; a second store (a cluster, an
 * in-memory one for fast tests of services) implements it too and passes the same contract tests.
 *
 * <p>Failures: {@link fr.preau.shared.NotFoundException} (a folder, message or part that is gone),
 * {@link fr.preau.shared.InvalidInputException} (a name or move the store refuses, with the field at fault),
 * {@link fr.preau.shared.ServiceUnavailableException} (the store does not answer). In each case nothing changed.
 */
public interface Mailbox {

    /** The folders, special ones first, each with its unread and total counts. */
    List<FolderInfo> folders(MailboxContext ctx);

    /** The quota and the largest folders, or null when the mailbox has no quota. */
    QuotaInfo quota(MailboxContext ctx);

    /**
     * The storage used and allowed only (no folder sizes: {@link QuotaInfo#largest()} is empty), as cheaply as the
     * store can tell it: what a sweep over every mailbox reads; null when the mailbox has no quota.
     */
    QuotaInfo usage(MailboxContext ctx);

    /** Creates a folder under {@code parent} (null: at the top). */
    FolderPath createFolder(MailboxContext ctx, FolderPath parent, String name);

    /** Renames a folder in place. */
    FolderPath renameFolder(MailboxContext ctx, FolderPath path, String newName);

    /** Moves a folder under {@code newParent} (null: to the top). */
    FolderPath moveFolder(MailboxContext ctx, FolderPath path, FolderPath newParent);

    /** Messages in the folder and its subfolders. */
    int messageCount(MailboxContext ctx, FolderPath path);

    /** Deletes the folder and its subfolders after moving their messages to the Corbeille; returns that count. */
    int deleteFolder(MailboxContext ctx, FolderPath path);

    /** Messages in this folder alone. */
    int messagesIn(MailboxContext ctx, FolderPath path);

    /**
     * Gives every message of the folder as stored, oldest first, in batches (exports); reading marks nothing read.
     *
     * @return how many messages were given
     * @throws IOException when the sink fails (the reader went away): the stream stops there
     */
    int stream(MailboxContext ctx, FolderPath path, MessageStream sink) throws IOException;

    /**
     * Tells what changed in the mailbox since what {@code changes} has seen (the search index keeps it), folder by
     * folder, over one connection; mail delivered, moved or deleted by any client counts.
     *
     * @return the folder tree with its counts, as listed for it
     */
    List<FolderInfo> catchUp(MailboxContext ctx, MailboxChanges changes);

    /** One page of the folder in the given order. */
    ListPage page(MailboxContext ctx, FolderPath path, MessageSort sort, boolean descending, int offset, int limit);

    /** One page of the folder's conversations, newest first. */
    ListPage threadPage(MailboxContext ctx, FolderPath path, int offset, int limit);

    /** The folder tree with its counts, the quota and the first page of one folder, in one go. */
    MailboxOverview overview(MailboxContext ctx, FolderPath path, MessageSort sort, boolean descending,
            boolean conversations, int limit);

    /**
     * A message opened (and marked read) and the overview around it, in one go (a link to a message). The message
     * is null when it could not be opened; {@code failure} then says why.
     */
    Opening openWithOverview(MailboxContext ctx, FolderPath folder, MessageUid uid, MessageSort sort,
            boolean descending, boolean conversations, int limit);

    /** What {@link #openWithOverview} gives. */
    record Opening(MailboxOverview overview, OpenedMessage message, RuntimeException failure) {
    }

    /**
     * Opens a message.
     *
     * @param markRead set it read, as any mail client does when the user opens a message
     */
    OpenedMessage open(MailboxContext ctx, FolderPath path, MessageUid uid, boolean markRead);

    /** Every header line of the message as received (folded lines kept), in order. */
    List<String> headers(MailboxContext ctx, FolderPath path, MessageUid uid);

    /** Streams one part of the message (decoded) to the sink. */
    void download(MailboxContext ctx, FolderPath path, MessageUid uid, String part, PartSink sink);

    /** Sets or clears a system flag on these messages. */
    void flag(MailboxContext ctx, FolderPath path, List<MessageUid> uids, MessageFlag flag, boolean on);

    /** Sets or clears a keyword (a label). */
    void keyword(MailboxContext ctx, FolderPath path, List<MessageUid> uids, String keyword, boolean on);

    /** Moves messages; each exists exactly once afterwards, even if the store stops in the middle. */
    int move(MailboxContext ctx, FolderPath from, List<MessageUid> uids, FolderPath to);

    /** Moves messages to the Corbeille. */
    int delete(MailboxContext ctx, FolderPath from, List<MessageUid> uids);

    /**
     * The messages of this folder dated before {@code day} (their {@code Date} header, else their arrival; the day
     * as written in the message, whatever its time zone), in UID order: what an archiving policy would move.
     */
    List<MessageUid> sentBefore(MailboxContext ctx, FolderPath path, LocalDate day);

    /** Moves each message to {@code Archives/<year of the message>}, creating the year's folder when missing. */
    int archive(MailboxContext ctx, FolderPath from, List<MessageUid> uids);

    /**
     * Sends the message, attached byte for byte ({@code message/rfc822}), to the report's address from the context's
     * owner, then moves it to the report's folder, so that it exists exactly once. The report goes first: when it
     * cannot be sent, nothing moves.
     */
    void report(MailboxContext ctx, FolderPath folder, MessageUid uid, Report report);

    /**
     * A report of a message (spam, phishing).
     *
     * @param label the French word put in the subject, for the recipient's filters
     * @param tag the value of the report's {@code X-Preau-Report} header
     * @param then where the message goes once reported
     */
    record Report(MailAddress to, String label, String tag, SpecialUse then) {
    }

    /**
     * Submits the message as the context's actor, then keeps a copy in Envoyés (a copy that cannot be kept is logged,
     * the message is still sent once).
     *
     * @throws fr.preau.shared.InvalidInputException {@code compose.error.rejected} naming the refused recipients, or
     *     another refusal of the submission server: nothing was sent
     */
    void send(MailboxContext ctx, OutgoingMessage message);

    /**
     * Sends a plain-text notice from the portal (a {@link MailboxContext.Kind#SYSTEM} context: its address is the
     * sender): password recovery, security notices. Marked {@code Auto-Submitted}; no copy is kept.
     */
    void sendNotice(MailboxContext ctx, String to, String subject, String text);

    /**
     * Sends an iMIP message (RFC 6047) from the context's owner to {@code to}: the French {@code text} and the iTIP
     * object {@code ical} as {@code text/calendar; method=<method>} in a multipart/alternative, and the same object
     * attached as {@code invitation.ics} (as Outlook sends it); no copy kept in Envoyés (docs/adr/0108).
     *
     * @throws fr.preau.shared.InvalidInputException the submission server refused a recipient
     */
    void sendCalendar(MailboxContext ctx, List<String> to, String subject, String text, String method, String ical);

    /** Saves a draft in Brouillons, replacing {@code previous} (null for a first save): one copy at any time. */
    MessageUid saveDraft(MailboxContext ctx, OutgoingMessage draft, MessageUid previous);

    /**
     * The attachments of a draft just saved as {@code draft} in {@code drafts}, now read from that saved copy (its
     * parts), in the same order: nothing is copied again.
     */
    List<OutgoingAttachment> savedDraftAttachments(FolderPath drafts, MessageUid draft,
            List<OutgoingAttachment> attachments);

    /** Reads a draft back as it was written. */
    OutgoingMessage loadDraft(MailboxContext ctx, MessageUid uid);

    void deleteDraft(MailboxContext ctx, MessageUid uid);

    /** The path of Brouillons. */
    FolderPath draftsFolder(MailboxContext ctx);

    /**
     * A received message to reply to or forward.
     *
     * @param forward also refer to its attachments and its whole source
     */
    Original original(MailboxContext ctx, FolderPath path, MessageUid uid, boolean forward);

    /** Marks a message answered (or forwarded: {@code $Forwarded}). */
    void markReplied(MailboxContext ctx, FolderPath path, MessageUid uid, boolean forwarded);

    /**
     * Answers the read receipt a message asks for: sends it (RFC 8098) or declines it; either way it is not asked
     * again.
     *
     * @return true when a receipt was sent
     */
    boolean answerReceipt(MailboxContext ctx, FolderPath path, MessageUid uid, boolean send);

    /**
     * Builds a message once, as {@link #send} would send it, dated {@code date}, to be kept until it leaves (a
     * scheduled send, docs/adr/0050): its bytes and Message-ID never change afterwards.
     */
    StoredMessage store(MailboxContext ctx, OutgoingMessage message, Instant date);

    /** A stored message as compose reopens it (its attachments copied to temporary files). */
    OutgoingMessage reopen(MailboxContext ctx, byte[] stored);

    /**
     * Submits stored bytes as they are, to their recipients and to the evidence address {@code evidence} as one more
     * envelope recipient (docs/adr/0083).
     *
     * @throws fr.preau.shared.InvalidInputException when the submission server refuses them
     */
    void submitStored(MailboxContext ctx, byte[] stored, String evidence);

    /** Whether Envoyés holds a message with this Message-ID. */
    boolean inSent(MailboxContext ctx, String messageId);

    /** Appends the stored bytes to Envoyés unless a message with this Message-ID is already there. */
    void keepInSentOnce(MailboxContext ctx, byte[] stored, String messageId);

    /** Whether the evidence mailbox holds this stored message (its Message-ID, from its envelope sender). */
    boolean evidenceHolds(String evidence, byte[] stored, String messageId);

    /**
     * Submits, as the context's actor, a short probe to the evidence mailbox only, by the same route as a stored
     * message; returns its Message-ID for {@link #awaitProbe}.
     */
    String sendProbe(MailboxContext ctx, String evidence);

    /** Waits until the probe is in the evidence mailbox, then removes it; false when it did not arrive in time. */
    boolean awaitProbe(String evidence, String probeId, Duration timeout);

    /** Removes evidence older than {@code age}, except the Message-IDs in {@code keep}; returns how many went. */
    int purgeEvidence(String evidence, Duration age, Set<String> keep);

    /** Deletes for good every message of the Corbeille present now (not one arriving meanwhile). */
    int emptyTrash(MailboxContext ctx);

    /**
     * Ends at once every session that mail clients (and the portal) have open on the owner's mailbox, IMAP and
     * ManageSieve: the server closes them, and a client must sign in again, which a suspended account cannot
     * (docs/adr/0095). Returns how many sessions were open; 0 when there were none.
     *
     * @throws fr.preau.shared.ServiceUnavailableException the store did not answer or refused the request
     */
    int endSessions(MailboxContext ctx);

    /**
     * Gives {@code grantee} (an address of the same store) {@code rights} on every folder of the owner's mailbox, and
     * on the folders the owner creates afterwards, replacing any rights it had; the store shows them to the grantee's
     * own mail clients (Dovecot: under {@code shared/<owner>/}). Returns how many folders it covers.
     *
     * @throws IllegalArgumentException {@code rights} is {@link FolderRights#OTHER}
     * @throws fr.preau.shared.ServiceUnavailableException the store did not answer or refused it
     */
    int share(MailboxContext ctx, String grantee, FolderRights rights);

    /**
     * Takes every right of {@code grantee} away from the owner's folders (none left is no error: it may run twice).
     * Returns how many folders had some.
     */
    int unshare(MailboxContext ctx, String grantee);

    /**
     * The folders of the owner's mailbox on which rights were given to {@code grantee} (or copied to a new subfolder),
     * and which; a top-level folder created after {@link #share} follows INBOX's rights without being listed.
     */
    Map<FolderPath, FolderRights> sharedWith(MailboxContext ctx, String grantee);

    /**
     * The messages in the INBOX of a holding mailbox of moderated lists (a {@link MailboxContext.Kind#SYSTEM}
     * context; ADR 0101) delivered to {@code deliveredTo} (their first {@code Delivered-To}, case ignored; null: all
     * of them), in the store's order; reading marks nothing.
     */
    List<HeldMessage> held(MailboxContext ctx, String deliveredTo);

    /**
     * Submits held message {@code uid}, byte for byte, as the context's actor to these envelope recipients, with the
     * envelope sender it came with (the actor's address for the null sender).
     *
     * @throws fr.preau.shared.NotFoundException the message is gone
     * @throws fr.preau.shared.InvalidInputException the submission server refused it: nothing was sent
     */
    void releaseHeld(MailboxContext ctx, MessageUid uid, List<String> recipients);

    /** Deletes these messages of the holding mailbox's INBOX for good (no Corbeille); those gone are skipped. */
    void removeHeld(MailboxContext ctx, List<MessageUid> uids);
}
