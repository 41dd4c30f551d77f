package fr.preau.web.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import fr.preau.mail.compose.ComposeService;
import fr.preau.mail.Correspondents;
import fr.preau.mail.FolderPath;
import fr.preau.mail.MailAddress;
import fr.preau.mail.MessageUid;
import fr.preau.mail.OutgoingAttachment;
import fr.preau.mail.OutgoingMessage;
import fr.preau.mail.Suggestion;
import fr.preau.mail.compose.SignatureService;
import fr.preau.mail.compose.NotSentException;
import fr.preau.mail.compose.Quoting;
import fr.preau.mail.compose.ReplyMode;
import fr.preau.mail.compose.ReplyTarget;
import fr.preau.mail.compose.Snippet;
import fr.preau.mail.TempFiles;
import fr.preau.shared.InvalidInputException;
import fr.preau.web.shared.Feedback;
import fr.preau.web.shared.UserView;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The compose page: a new message, a reply or forward ({@code dossier}, {@code message}, {@code mode}), or a draft
 * continued ({@code brouillon}). Recipients with suggestions, rich text (its text/plain alternative is generated),
 * attachments within the academy's limit, signatures and templates, read receipt request. Saved as a draft every
 * 30 s and when the user leaves the page; sending removes the draft.
 *
 * <p>The page holds references to its attachments, never their bytes: a forwarded file refers to the original's
 * part, an upload to a temporary file; once a draft is saved, every attachment refers to its part of the draft (and
 * the temporary files go). The bytes are streamed when the message is written.
 */
@Named
@ViewScoped
public class ComposeView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "compose";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @EJB
    private ComposeService compose;

    @EJB
    private Correspondents correspondents;

    /** The suggestions of the last {@link #complete} call, by the value each puts in the field. */
    private final Map<String, Suggestion> suggestions = new HashMap<>();

    @EJB
    private SignatureService signatures;

    @Inject
    private UserView user;

    private String draftParam;
    private String folderParam;
    private String messageParam;
    private String modeParam;

    private String to;
    /** {@code ?destinataire=}: the recipient of a new message written from the directory. */
    private String recipientParam;
    private String cc;
    private String bcc;
    private String subject;
    private String body;
    private boolean receipt;
    private final List<OutgoingAttachment> attachments = new ArrayList<>();
    private List<Snippet> signatureList = List.of();
    private List<Snippet> templateList = List.of();

    private String inReplyTo;
    private List<String> references = List.of();
    private MessageUid draft;
    private FolderPath draftsFolder;
    private ReplyTarget target;
    private int savedState;
    private String savedAt;
    private boolean finished;
    /** The owner on whose behalf this message is written (a delegated mailbox, docs/adr/0104), else null. */
    private MailAddress onBehalf;

    /** Called once the view parameters are known (f:viewAction). */
    public void init() {
        user.loadIfMissing();
        try {
            onBehalf = compose.onBehalfOf().orElse(null);
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
            finished = true;
        }
        try {
            signatureList = signatures.signatures();
            templateList = signatures.templates();
            OutgoingMessage start;
            if (draftParam != null && !draftParam.isBlank()) {
                draft = MessageUid.parse(draftParam);
                start = compose.openDraft(draft);
            } else if (messageParam != null && !messageParam.isBlank()) {
                target = new ReplyTarget(new FolderPath(folderParam == null ? "INBOX" : folderParam),
                        MessageUid.parse(messageParam), mode(modeParam));
                start = compose.prepare(target);
            } else {
                start = compose.newMessage();
            }
            fill(start);
            if (draft == null && target == null && recipientParam != null && !recipientParam.isBlank()) {
                to = recipientParam.strip(); // "Écrire" from the directory: checked like any typed address at send
            }
        } catch (IllegalArgumentException e) {
            Feedback.error(null, "mail.error.messageGone");
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
        savedState = state();
    }

    private void fill(OutgoingMessage m) {
        to = Quoting.join(m.to());
        cc = Quoting.join(m.cc());
        bcc = Quoting.join(m.bcc());
        subject = m.subject();
        body = m.html() != null ? m.html() : fr.preau.mail.HtmlBody.fromPlainText(m.text());
        receipt = m.receiptRequested();
        inReplyTo = m.inReplyTo();
        references = new ArrayList<>(m.references());
        forgetAttachments();
        attachments.addAll(m.attachments());
    }

    /** The draft now holds the attachments: they refer to its parts, and their temporary files go. */
    private void keptIn(MessageUid saved) {
        if (attachments.isEmpty()) {
            return;
        }
        if (draftsFolder == null) {
            draftsFolder = compose.draftsFolder();
        }
        List<OutgoingAttachment> before = List.copyOf(attachments);
        attachments.clear();
        attachments.addAll(compose.savedDraftAttachments(draftsFolder, saved, before));
        before.forEach(TempFiles::delete);
    }

    /** Deletes the temporary files of the attachments and forgets them. */
    private void forgetAttachments() {
        attachments.forEach(TempFiles::delete);
        attachments.clear();
    }

    /** The view is gone (left, or pushed out of the session by newer ones): its temporary files go with it. */
    @PreDestroy
    void release() {
        forgetAttachments();
    }

    /**
     * The message as the user wrote it: the one place where the page's fields become an {@link OutgoingMessage}
     * (sending, drafts and scheduled sending all start here).
     *
     * @param strict refuse bad addresses (sending); when false (a draft) they are left out of the saved copy and
     *     stay on the page
     */
    public OutgoingMessage outgoing(boolean strict) {
        return new OutgoingMessage(recipients("to", to, strict), recipients("cc", cc, strict),
                recipients("bcc", bcc, strict), subject, null, body, attachments,
                inReplyTo, references, receipt);
    }

    /** Sends, then returns to the inbox with a confirmation; on any failure stays here with everything typed. */
    public synchronized String send() {
        OutgoingMessage message;
        try {
            message = outgoing(true);
            if (message.to().isEmpty() && message.cc().isEmpty() && message.bcc().isEmpty()) {
                throw new InvalidInputException("to", "compose.error.recipient.empty", null);
            }
        } catch (InvalidInputException e) {
            Feedback.failed(e, FORM);
            return null;
        }
        try {
            compose.send(message, draft, target);
        } catch (NotSentException e) {
            if (e.draft() != null) {
                draft = e.draft();
                keptIn(draft);
                savedState = state();
            }
            Feedback.failed(e.reason(), FORM);
            Feedback.info(e.draft() != null ? "compose.keptAsDraft" : "compose.notSent");
            return null;
        } catch (RuntimeException e) {
            Feedback.failed(e, FORM);
            return null;
        }
        finished = true;
        forgetAttachments();
        Feedback.info("mail.sent");
        Feedback.keepForRedirect();
        return "/mail/inbox?faces-redirect=true";
    }

    /** A scheduled message reopened from Planifiés (ComposeScheduleView): no draft of it is ever saved. */
    synchronized void continueScheduled(OutgoingMessage m) {
        fill(m);
        finished = true;
        savedState = state();
    }

    /** The message was scheduled (ComposeScheduleView): its draft goes, nothing more is saved. */
    synchronized void scheduled() {
        finished = true;
        forgetAttachments();
        if (draft != null) {
            try {
                compose.deleteDraft(draft);
            } catch (RuntimeException e) {
                java.util.logging.Logger.getLogger(ComposeView.class.getName())
                        .warning("Scheduled, but its draft stays in Brouillons: " + e);
            }
        }
    }

    /** Whether the message is written on an owner's behalf (no draft is kept then: drafts are one's own). */
    public boolean isOnBehalf() {
        return onBehalf != null;
    }

    /** "De : owner, de la part de vous" for the compose page of a delegated mailbox. */
    public String getOnBehalfText() {
        return onBehalf == null ? "" : Feedback.text("compose.onBehalf", onBehalf.personal() == null
                ? onBehalf.address() : onBehalf.personal() + " <" + onBehalf.address() + ">");
    }

    /** Saves the draft now ("Enregistrer le brouillon"). */
    public synchronized void saveDraft() {
        if (save()) {
            Feedback.info("compose.draft.saved", savedAt);
        }
    }

    /** Saves the draft if something changed since the last save: every 30 s, and when the user leaves the page. */
    public synchronized void autosave() {
        if (!finished && state() != savedState) {
            save();
        }
    }

    private boolean save() {
        if (finished || onBehalf != null) {
            return false;
        }
        try {
            int state = state();
            if (!attachments.isEmpty() && draftsFolder == null) {
                // Known before saving: once saved, the previous draft is gone and the attachments must move.
                draftsFolder = compose.draftsFolder();
            }
            draft = compose.saveDraft(outgoing(false), draft);
            keptIn(draft);
            savedState = state;
            savedAt = LocalTime.now(ZoneId.of("Europe/Paris")).format(TIME);
            return true;
        } catch (RuntimeException e) {
            Feedback.failed(e, FORM);
            return false;
        }
    }

    /** Discards the message (and its draft) and returns to the inbox. */
    public synchronized String discard() {
        finished = true;
        if (draft != null) {
            try {
                compose.deleteDraft(draft);
            } catch (RuntimeException e) {
                finished = false;
                Feedback.failed(e, FORM);
                return null;
            }
        }
        forgetAttachments();
        Feedback.info("compose.discarded");
        Feedback.keepForRedirect();
        return "/mail/inbox?faces-redirect=true";
    }

    /**
     * One uploaded file, checked against the limit before it is read, then copied to a temporary file (never
     * held in memory); refused with a clear message when the message would go over the limit.
     */
    public synchronized void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        long limit = compose.attachmentLimitBytes();
        long total = attachments.stream().mapToLong(OutgoingAttachment::size).sum() + file.getSize();
        if (file.getSize() < 0 || total > limit) {
            Feedback.error(FORM + ":attachments", "compose.error.attachments.tooLarge", limit / (1024 * 1024));
            return;
        }
        try (InputStream in = file.getInputStream()) {
            attachments.add(TempFiles.spool(file.getFileName(), file.getContentType(), in));
        } catch (IOException e) {
            Feedback.error(FORM + ":attachments", "compose.error.upload", file.getFileName());
        }
    }

    public synchronized void removeAttachment(int index) {
        if (index >= 0 && index < attachments.size()) {
            TempFiles.delete(attachments.remove(index));
        }
    }

    /**
     * Suggestions for the last address being typed in a recipient field (issue 12, item 6): each is the whole new
     * value of the field, the addresses before it kept and the suggestion's address (or a group's addresses) added,
     * because PrimeFaces puts an item's label in the field; the list shows {@link #suggestionTitle} and
     * {@link #suggestionDetail} instead.
     */
    public List<String> complete(String query) {
        String q = query == null ? "" : query;
        int cut = Math.max(q.lastIndexOf(','), q.lastIndexOf(';')) + 1;
        String before = q.substring(0, cut).strip();
        String prefix = before.isEmpty() ? "" : before + " ";
        List<String> values = new ArrayList<>();
        suggestions.clear();
        try {
            for (Suggestion s : correspondents.suggest(q.substring(cut))) {
                String value = prefix + Quoting.join(s.addresses()) + ", ";
                suggestions.put(value, s);
                values.add(value);
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        return values;
    }

    /** What the list shows of a suggestion: a person's or a group's name, or the address. */
    public String suggestionTitle(String value) {
        Suggestion s = suggestions.get(value);
        if (s == null) {
            return value;
        }
        return s.kind() == Suggestion.Kind.GROUP
                ? Feedback.text("compose.suggest.group", s.label(), s.addresses().size()) : s.label();
    }

    /** Under the title: the address, or for a group how many addresses it adds, and where the suggestion is from. */
    public String suggestionDetail(String value) {
        Suggestion s = suggestions.get(value);
        if (s == null) {
            return "";
        }
        if (s.kind() == Suggestion.Kind.GROUP) {
            return Feedback.text("compose.suggest.group.from");
        }
        String from = Feedback.text("compose.suggest." + s.kind().name().toLowerCase(Locale.ROOT));
        return s.address().address() + " · " + from;
    }

    private List<MailAddress> recipients(String field, String text, boolean strict) {
        if (strict) {
            return MailAddress.parseList(field, text, false);
        }
        try {
            return MailAddress.parseList(field, text, false);
        } catch (InvalidInputException e) {
            // A draft keeps the addresses that are valid; the others stay on the page.
        }
        List<MailAddress> kept = new ArrayList<>();
        for (String entry : (text == null ? "" : text).split("[,;\\n]")) {
            try {
                kept.addAll(MailAddress.parseList(field, entry, false));
            } catch (InvalidInputException e) {
                // Left out of the draft, still on the page: the user corrects it before sending.
            }
        }
        return kept;
    }

    private int state() {
        return Objects.hash(to, cc, bcc, subject, body, receipt, attachments.size(),
                attachments.stream().mapToLong(OutgoingAttachment::size).sum());
    }

    private static ReplyMode mode(String text) {
        if (text == null) {
            return ReplyMode.REPLY;
        }
        return switch (text) {
            case "tous" -> ReplyMode.REPLY_ALL;
            case "transfert" -> ReplyMode.FORWARD;
            case "transfert-pj" -> ReplyMode.FORWARD_ATTACHMENT;
            default -> ReplyMode.REPLY;
        };
    }

    /** The page title: new message, reply, forward or draft. */
    public String getTitle() {
        if (draft != null && target == null && draftParam != null) {
            return Feedback.text("compose.title.draft");
        }
        if (target == null) {
            return Feedback.text("compose.title");
        }
        return Feedback.text(target.mode().isForward() ? "compose.title.forward" : "compose.title.reply");
    }

    public boolean isForwardAsAttachment() {
        return target != null && target.mode() == ReplyMode.FORWARD_ATTACHMENT;
    }

    /** The limit shown next to the upload, in megabytes. */
    public long getAttachmentLimitMb() {
        return compose.attachmentLimitBytes() / (1024 * 1024);
    }

    /** "Jusqu'à 10 Mo par message." */
    public String getAttachmentHelp() {
        return Feedback.text("compose.attachments.help", getAttachmentLimitMb());
    }

    /** Shown when a chosen file goes over the limit (before it is uploaded). */
    public String getTooLargeMessage() {
        return Feedback.text("compose.error.attachments.tooLarge", getAttachmentLimitMb());
    }

    /** "Brouillon enregistré à 15:32", or nothing before the first save. */
    public String getDraftStatus() {
        return savedAt == null ? "" : Feedback.text("compose.draft.savedAt", savedAt);
    }

    public long getAttachmentLimitBytes() {
        return compose.attachmentLimitBytes();
    }

    public String getSavedAt() {
        return savedAt;
    }

    public String getDraftId() {
        return draft == null ? null : draft.toString();
    }

    public List<OutgoingAttachment> getAttachments() {
        return attachments;
    }

    public List<Snippet> getSignatures() {
        return signatureList;
    }

    public List<Snippet> getTemplates() {
        return templateList;
    }

    public String getDraftParam() {
        return draftParam;
    }

    public void setDraftParam(String draftParam) {
        this.draftParam = draftParam;
    }

    public String getFolderParam() {
        return folderParam;
    }

    public void setFolderParam(String folderParam) {
        this.folderParam = folderParam;
    }

    public String getMessageParam() {
        return messageParam;
    }

    public void setMessageParam(String messageParam) {
        this.messageParam = messageParam;
    }

    public String getModeParam() {
        return modeParam;
    }

    public void setModeParam(String modeParam) {
        this.modeParam = modeParam;
    }

    public String getRecipientParam() {
        return recipientParam;
    }

    public void setRecipientParam(String recipientParam) {
        this.recipientParam = recipientParam;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getCc() {
        return cc;
    }

    public void setCc(String cc) {
        this.cc = cc;
    }

    public String getBcc() {
        return bcc;
    }

    public void setBcc(String bcc) {
        this.bcc = bcc;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public boolean isReceipt() {
        return receipt;
    }

    public void setReceipt(boolean receipt) {
        this.receipt = receipt;
    }
}
