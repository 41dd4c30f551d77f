package fr.preau.mail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import fr.preau.mail.html.MailHtmlSanitizer;
import fr.preau.shared.Deployment;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Reading a message of the caller's own mailbox: the reading pane, and the separate HTTP requests the portal's
 * servlets make for it (sanitised body, inline images and attachments, headers, print view). The mailbox always
 * comes from {@link MailboxAccess}: a folder and UID given by a request only ever name a message of the caller's own
 * mailbox, or of the mailbox a delegation in force lets the caller read ({@link MailboxAccess#current}; a read-only
 * delegate's reading marks nothing read). Remote images are shown when the request asks for them (the user clicked
 * "Afficher les images") or when the user trusts the sender ({@value #TRUSTED_SENDERS}, one address a line).
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ReadingService {
    /** User setting: senders whose remote images are always shown, one address a line. */
    public static final String TRUSTED_SENDERS = "mail.images.trusted";
    private static final int MAX_TRUSTED = 1000;

    @EJB
    private MailboxAccess access;

    @EJB
    private MailboxSettings settings;

    @Inject
    private Mailbox mailbox;

    @Inject
    private SanitisedBodies bodies;

    @Inject
    private MailDomains domains;

    /** Opens a message for the reading pane and marks it read. */
    public MessageContent open(FolderPath folder, MessageUid uid) {
        MailboxContext ctx = access.current();
        return content(ctx, folder, uid, mailbox.open(ctx, folder, uid, ctx.rights().file()));
    }

    /**
     * Opens a message (marking it read) and reads the mail page around it (folder tree, quota, first page of the
     * folder) over the same IMAP connection: a link to a message, a search result.
     */
    public OpenedOverview openWithOverview(FolderPath folder, MessageUid uid, MessageSort sort, boolean descending,
            boolean conversations, int limit) {
        if (limit < 1 || limit > 200 || sort == null) {
            throw new IllegalArgumentException("Bad page: " + limit + "/" + sort);
        }
        MailboxContext ctx = access.current();
        Mailbox.Opening with = mailbox.openWithOverview(ctx, folder, uid, sort, descending, conversations, limit);
        return new OpenedOverview(with.overview(),
                with.message() == null ? null : content(ctx, folder, uid, with.message()), with.failure());
    }

    /** The same as {@link #open} without marking the message read (print view). */
    public MessageContent peek(FolderPath folder, MessageUid uid) {
        MailboxContext ctx = access.current();
        return content(ctx, folder, uid, mailbox.open(ctx, folder, uid, false));
    }

    /**
     * The sanitised HTML body, or null when the message has no HTML part.
     *
     * @param showImages the user asked to see this message's remote images
     * @param partUrlPrefix the portal address of an inline part, to which the part path is appended
     */
    public MessageBody body(FolderPath folder, MessageUid uid, boolean showImages, String partUrlPrefix) {
        MailboxContext ctx = access.current();
        OpenedMessage opened = mailbox.open(ctx, folder, uid, false);
        if (opened.parsed().html() == null) {
            return null;
        }
        boolean remote = showImages || trusts(opened.summary().from());
        MailHtmlSanitizer.Result clean = bodies.sanitised(ctx, folder, uid, opened.parsed(), remote);
        return new MessageBody(SanitisedBodies.withPartUrls(clean.html(), partUrlPrefix), clean.blockedImages(),
                remote);
    }

    /** Every header line as received, for the headers view. */
    public List<String> headers(FolderPath folder, MessageUid uid) {
        return mailbox.headers(access.current(), folder, uid);
    }

    /**
     * Streams one attachment or inline image of the message to the sink.
     *
     * @throws NotFoundException {@code mail.error.partGone} when the message lists no such part
     */
    public void download(FolderPath folder, MessageUid uid, String part, PartSink sink) {
        if (!PartPath.isValid(part)) {
            throw new NotFoundException("mail.error.partGone", String.valueOf(part));
        }
        mailbox.download(access.current(), folder, uid, part, sink);
    }

    /** Always show remote images of mail from this sender. */
    public void trustSender(MailAddress sender) {
        if (sender == null) {
            throw new InvalidInputException("sender", "mail.images.error.noSender", null);
        }
        Set<String> trusted = trustedSenders();
        trusted.add(sender.address());
        List<String> kept = new ArrayList<>(trusted);
        if (kept.size() > MAX_TRUSTED) {
            kept = kept.subList(kept.size() - MAX_TRUSTED, kept.size());
        }
        settings.put(access.own(), TRUSTED_SENDERS, String.join("\n", kept));
    }

    /**
     * True when the address is outside the academy: its domain (or a parent domain) is not one of the active
     * domains of table {@code mail_domain}, nor {@code PREAU_MAIL_DOMAIN}. An unknown sender counts as external.
     */
    public boolean isExternal(MailAddress sender) {
        if (sender == null) {
            return true;
        }
        String domain = sender.domain();
        String academy = Deployment.mailDomain();
        if (academy != null && !academy.isBlank()) {
            String a = academy.strip().toLowerCase(Locale.ROOT);
            if (domain.equals(a) || domain.endsWith("." + a)) {
                return false;
            }
        }
        return !domains.coversDomain(domain);
    }

    private MessageContent content(MailboxContext ctx, FolderPath folder, MessageUid uid, OpenedMessage opened) {
        ParsedMessage parsed = opened.parsed();
        MailAddress from = opened.summary().from();
        // The same pass the frame's request will reuse (remote images blocked: what it shows first).
        int remoteImages = parsed.html() == null ? 0
                : bodies.sanitised(ctx, folder, uid, parsed, false).blockedImages();
        boolean trusted = remoteImages > 0 && trusts(from);
        return new MessageContent(opened.summary(), opened.to(), opened.cc(), parsed.text(), parsed.html() != null,
                parsed.attachments(), parsed.problems(), external(opened), remoteImages, trusted, opened.receipt());
    }

    /**
     * The banner "Expéditeur externe": decided by where the message entered (the header Postfix adds, never the
     * sender's own From:), and by the From: domain only for a message Postfix never received (put over IMAP).
     */
    private boolean external(OpenedMessage opened) {
        return switch (opened.entry()) {
            case SMTP -> true;
            case SUBMISSION -> false;
            case UNKNOWN -> isExternal(opened.summary().from());
        };
    }

    private boolean trusts(MailAddress sender) {
        return sender != null && trustedSenders().contains(sender.address());
    }

    private Set<String> trustedSenders() {
        String value = settings.get(access.own(), TRUSTED_SENDERS).orElse("");
        Set<String> result = new LinkedHashSet<>();
        Arrays.stream(value.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).forEach(result::add);
        return result;
    }
}
