package fr.preau.web.mail;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import fr.preau.mail.Attachment;
import fr.preau.mail.MailAddress;
import fr.preau.mail.MessageContent;
import fr.preau.mail.MessageUid;
import fr.preau.mail.ReadingProblem;
import fr.preau.mail.ReadingService;
import fr.preau.web.shared.Feedback;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The body of the reading pane: the sandboxed frame's address, the remote images choice ("Afficher les images", for
 * this message or always for this sender), attachments, headers and print links, the problems of a broken message.
 * The open message itself belongs to {@link InboxView}.
 */
@Named
@ViewScoped
public class ReadingView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private InboxView inbox;

    @EJB
    private ReadingService reading;

    private final Set<MessageUid> imagesShown = new HashSet<>();
    private final Set<String> trustedNow = new HashSet<>();

    private MessageContent current() {
        return inbox.getCurrent();
    }

    /** Remote images are shown for the open message. */
    public boolean isImagesAllowed() {
        MessageContent c = current();
        if (c == null) {
            return false;
        }
        MailAddress from = c.summary().from();
        return c.imagesTrusted() || imagesShown.contains(c.summary().uid())
                || from != null && trustedNow.contains(from.address());
    }

    /** The open message has remote images the user has not allowed yet. */
    public boolean isImagesBlocked() {
        MessageContent c = current();
        return c != null && c.remoteImages() > 0 && !isImagesAllowed();
    }

    public void showImages() {
        if (current() != null) {
            imagesShown.add(current().summary().uid());
        }
    }

    public void alwaysShowImages() {
        MessageContent c = current();
        if (c == null) {
            return;
        }
        try {
            reading.trustSender(c.summary().from());
            trustedNow.add(c.summary().from().address());
            Feedback.info("mail.images.trusted", c.summary().from().address());
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    public String getBodyUrl() {
        return address("/mail/corps") + (isImagesAllowed() ? "&images=1" : "");
    }

    public String getPrintUrl() {
        return address("/mail/impression") + (isImagesAllowed() ? "&images=1" : "");
    }

    public String getHeadersUrl() {
        return address("/mail/en-tetes");
    }

    public String attachmentUrl(Attachment attachment) {
        return address("/mail/piece-jointe") + "&partie=" + attachment.part();
    }

    /** "PDF", "PNG", "ZIP"…: what a reader recognises of a MIME type. */
    public String typeLabel(Attachment attachment) {
        String sub = attachment.contentType().substring(attachment.contentType().indexOf('/') + 1);
        return switch (sub) {
            case "vnd.openxmlformats-officedocument.wordprocessingml.document", "msword" -> "Word";
            case "vnd.openxmlformats-officedocument.spreadsheetml.sheet", "vnd.ms-excel" -> "Excel";
            case "vnd.openxmlformats-officedocument.presentationml.presentation", "vnd.ms-powerpoint" -> "PowerPoint";
            case "vnd.oasis.opendocument.text" -> "ODT";
            case "vnd.oasis.opendocument.spreadsheet" -> "ODS";
            case "rfc822" -> "E-mail";
            case "octet-stream" -> Feedback.text("mail.attachment.binary");
            default -> sub.length() <= 12 ? sub.toUpperCase(java.util.Locale.ROOT) : attachment.contentType();
        };
    }

    public String icon(Attachment attachment) {
        String type = attachment.contentType();
        if (type.startsWith("image/")) {
            return "pi pi-image";
        }
        if (type.equals("application/pdf")) {
            return "pi pi-file-pdf";
        }
        if (type.contains("spreadsheet") || type.contains("excel")) {
            return "pi pi-file-excel";
        }
        if (type.contains("word") || type.contains("opendocument.text")) {
            return "pi pi-file-word";
        }
        return "pi pi-file";
    }

    /** The French sentence for something that could not be decoded. */
    public String problem(ReadingProblem problem) {
        return Feedback.text("mail.reading.problem." + problem.kind().name(), problem.detail());
    }

    private String address(String servlet) {
        MessageContent c = current();
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        if (c == null) {
            return context + servlet;
        }
        return context + servlet + "?dossier=" + URLEncoder.encode(inbox.getFolderName(), StandardCharsets.UTF_8)
                + "&uid=" + c.summary().uid();
    }
}
