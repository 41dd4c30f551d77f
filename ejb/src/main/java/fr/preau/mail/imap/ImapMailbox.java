package fr.preau.mail.imap;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.preau.mail.FolderInfo;
import fr.preau.mail.FolderPath;
import fr.preau.mail.FolderRights;
import fr.preau.mail.HeldMessage;
import fr.preau.mail.ListPage;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxChanges;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.MailboxOverview;
import fr.preau.mail.MessageFlag;
import fr.preau.mail.MessageSort;
import fr.preau.mail.MessageStream;
import fr.preau.mail.MessageUid;
import fr.preau.mail.OpenedMessage;
import fr.preau.mail.Original;
import fr.preau.mail.OutgoingAttachment;
import fr.preau.mail.OutgoingMessage;
import fr.preau.mail.PartSink;
import fr.preau.mail.QuotaInfo;
import fr.preau.mail.StoredMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Flags;

/** The {@link Mailbox} port over Dovecot's IMAP, by the master login for the context's owner (ADR 0085). */
@ApplicationScoped
public class ImapMailbox implements Mailbox {
    @Inject
    private MailGateway gateway;

    @Inject
    private FolderOperations folders;

    @Inject
    private MessageOperations operations;

    @Inject
    private MessageReader reader;

    @Inject
    private FolderExporter exporter;

    @Inject
    private MessageReporter reporter;

    @Inject
    private FolderChangeReader changeReader;

    @Inject
    private MailSender sender;

    @Inject
    private ReceiptGateway receipts;

    @Inject
    private SentCopies copies;

    @Inject
    private SendEvidence evidence;

    @Inject
    private HeldMail heldMail;

    @Inject
    private ImapConnector imap;

    @Inject
    private AttachmentReader parts;

    @Inject
    private DoveadmSessions sessions;

    @Inject
    private FolderSharing sharing;

    @Override
    public List<FolderInfo> folders(MailboxContext ctx) {
        return gateway.folders(ctx);
    }

    @Override
    public QuotaInfo quota(MailboxContext ctx) {
        return folders.quota(ctx);
    }

    @Override
    public QuotaInfo usage(MailboxContext ctx) {
        return folders.usage(ctx);
    }

    @Override
    public FolderPath createFolder(MailboxContext ctx, FolderPath parent, String name) {
        return folders.create(ctx, parent, name);
    }

    @Override
    public FolderPath renameFolder(MailboxContext ctx, FolderPath path, String newName) {
        return folders.rename(ctx, path, newName);
    }

    @Override
    public FolderPath moveFolder(MailboxContext ctx, FolderPath path, FolderPath newParent) {
        return folders.move(ctx, path, newParent);
    }

    @Override
    public int messageCount(MailboxContext ctx, FolderPath path) {
        return folders.messageCount(ctx, path);
    }

    @Override
    public int deleteFolder(MailboxContext ctx, FolderPath path) {
        return folders.delete(ctx, path);
    }

    @Override
    public int messagesIn(MailboxContext ctx, FolderPath path) {
        return exporter.count(ctx, path);
    }

    @Override
    public int stream(MailboxContext ctx, FolderPath path, MessageStream sink) throws IOException {
        return exporter.stream(ctx, path, sink);
    }

    @Override
    public List<FolderInfo> catchUp(MailboxContext ctx, MailboxChanges changes) {
        return changeReader.catchUp(ctx, changes);
    }

    @Override
    public ListPage page(MailboxContext ctx, FolderPath path, MessageSort sort, boolean descending, int offset,
            int limit) {
        return operations.page(ctx, path, sort, descending, offset, limit);
    }

    @Override
    public ListPage threadPage(MailboxContext ctx, FolderPath path, int offset, int limit) {
        return operations.threadPage(ctx, path, offset, limit);
    }

    @Override
    public MailboxOverview overview(MailboxContext ctx, FolderPath path, MessageSort sort, boolean descending,
            boolean conversations, int limit) {
        return operations.overview(ctx, path, sort, descending, conversations, limit);
    }

    @Override
    public Opening openWithOverview(MailboxContext ctx, FolderPath folder, MessageUid uid, MessageSort sort,
            boolean descending, boolean conversations, int limit) {
        MessageOperations.With<OpenedMessage> with = operations.overview(ctx, folder, sort, descending,
                conversations, limit, store -> reader.open(store, ctx, folder, uid, ctx.rights().file()));
        return new Opening(with.overview(), with.value(), with.failure());
    }

    @Override
    public OpenedMessage open(MailboxContext ctx, FolderPath path, MessageUid uid, boolean markRead) {
        return reader.open(ctx, path, uid, markRead);
    }

    @Override
    public List<String> headers(MailboxContext ctx, FolderPath path, MessageUid uid) {
        return reader.headers(ctx, path, uid);
    }

    @Override
    public void download(MailboxContext ctx, FolderPath path, MessageUid uid, String part, PartSink sink) {
        reader.download(ctx, path, uid, part, sink);
    }

    @Override
    public void flag(MailboxContext ctx, FolderPath path, List<MessageUid> uids, MessageFlag flag, boolean on) {
        operations.setFlag(ctx, path, uids, switch (flag) {
            case SEEN -> Flags.Flag.SEEN;
            case FLAGGED -> Flags.Flag.FLAGGED;
        }, on);
    }

    @Override
    public void keyword(MailboxContext ctx, FolderPath path, List<MessageUid> uids, String keyword, boolean on) {
        operations.setKeyword(ctx, path, uids, keyword, on);
    }

    @Override
    public int move(MailboxContext ctx, FolderPath from, List<MessageUid> uids, FolderPath to) {
        return operations.move(ctx, from, uids, to);
    }

    @Override
    public int delete(MailboxContext ctx, FolderPath from, List<MessageUid> uids) {
        return operations.delete(ctx, from, uids);
    }

    @Override
    public List<MessageUid> sentBefore(MailboxContext ctx, FolderPath path, LocalDate day) {
        return operations.sentBefore(ctx, path, day);
    }

    @Override
    public int archive(MailboxContext ctx, FolderPath from, List<MessageUid> uids) {
        return operations.archive(ctx, from, uids);
    }

    @Override
    public void report(MailboxContext ctx, FolderPath folder, MessageUid uid, Report report) {
        reporter.report(ctx, folder, uid, report);
    }

    @Override
    public void send(MailboxContext ctx, OutgoingMessage message) {
        sender.send(ctx, message);
    }

    @Override
    public void sendNotice(MailboxContext ctx, String to, String subject, String text) {
        sender.sendNotice(ctx, to, subject, text);
    }

    @Override
    public void sendCalendar(MailboxContext ctx, List<String> to, String subject, String text, String method,
            String ical) {
        sender.sendCalendar(ctx, to, subject, text, method, ical);
    }

    @Override
    public MessageUid saveDraft(MailboxContext ctx, OutgoingMessage draft, MessageUid previous) {
        return sender.saveDraft(ctx, draft, previous);
    }

    @Override
    public List<OutgoingAttachment> savedDraftAttachments(FolderPath drafts, MessageUid draft,
            List<OutgoingAttachment> attachments) {
        return MessageBuilder.inSavedDraft(drafts, draft, attachments);
    }

    @Override
    public OutgoingMessage loadDraft(MailboxContext ctx, MessageUid uid) {
        return sender.loadDraft(ctx, uid);
    }

    @Override
    public void deleteDraft(MailboxContext ctx, MessageUid uid) {
        sender.deleteDraft(ctx, uid);
    }

    @Override
    public FolderPath draftsFolder(MailboxContext ctx) {
        return sender.draftsFolder(ctx);
    }

    @Override
    public Original original(MailboxContext ctx, FolderPath path, MessageUid uid, boolean forward) {
        return sender.original(ctx, path, uid, forward);
    }

    @Override
    public void markReplied(MailboxContext ctx, FolderPath path, MessageUid uid, boolean forwarded) {
        sender.markReplied(ctx, path, uid, forwarded);
    }

    @Override
    public boolean answerReceipt(MailboxContext ctx, FolderPath path, MessageUid uid, boolean send) {
        return receipts.answer(ctx, path, uid, send);
    }

    @Override
    public StoredMessage store(MailboxContext ctx, OutgoingMessage message, Instant date) {
        return ScheduledMime.build(imap.userSession(), ctx, message, date, parts.reader(ctx));
    }

    @Override
    public OutgoingMessage reopen(MailboxContext ctx, byte[] stored) {
        return ScheduledMime.read(imap.userSession(), stored);
    }

    @Override
    public void submitStored(MailboxContext ctx, byte[] stored, String evidenceAddress) {
        copies.submit(ctx, stored, evidenceAddress);
    }

    @Override
    public boolean inSent(MailboxContext ctx, String messageId) {
        return copies.inSent(ctx, messageId);
    }

    @Override
    public void keepInSentOnce(MailboxContext ctx, byte[] stored, String messageId) {
        copies.keepOnce(ctx, stored, messageId);
    }

    @Override
    public boolean evidenceHolds(String evidenceAddress, byte[] stored, String messageId) {
        return evidence.holds(evidenceAddress, stored, messageId);
    }

    @Override
    public String sendProbe(MailboxContext ctx, String evidenceAddress) {
        return evidence.probe(ctx, evidenceAddress);
    }

    @Override
    public boolean awaitProbe(String evidenceAddress, String probeId, Duration timeout) {
        return evidence.awaitProbe(evidenceAddress, probeId, timeout);
    }

    @Override
    public int purgeEvidence(String evidenceAddress, Duration age, Set<String> keep) {
        return evidence.purge(evidenceAddress, age, keep);
    }

    @Override
    public int emptyTrash(MailboxContext ctx) {
        return operations.emptyTrash(ctx);
    }

    @Override
    public int endSessions(MailboxContext ctx) {
        return sessions.kick(ctx.owner().address());
    }

    @Override
    public int share(MailboxContext ctx, String grantee, FolderRights rights) {
        return sharing.share(ctx, grantee, rights);
    }

    @Override
    public int unshare(MailboxContext ctx, String grantee) {
        return sharing.unshare(ctx, grantee);
    }

    @Override
    public Map<FolderPath, FolderRights> sharedWith(MailboxContext ctx, String grantee) {
        return sharing.sharedWith(ctx, grantee);
    }

    @Override
    public List<HeldMessage> held(MailboxContext ctx, String deliveredTo) {
        return heldMail.list(ctx, deliveredTo);
    }

    @Override
    public void releaseHeld(MailboxContext ctx, MessageUid uid, List<String> recipients) {
        heldMail.release(ctx, uid, recipients);
    }

    @Override
    public void removeHeld(MailboxContext ctx, List<MessageUid> uids) {
        heldMail.remove(ctx, uids);
    }
}
