package fr.preau.web.mail;

import java.io.Serializable;

import fr.preau.mail.compose.ComposeService;
import fr.preau.settings.AcademySettings;
import fr.preau.web.shared.Feedback;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;

/** What the compose page's large-file control (mail/fragments/compose-large-file.xhtml) needs. */
@Named
@RequestScoped
public class ComposeLargeFileView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private AcademySettings settings;

    @EJB
    private ComposeService compose;

    /** The session's anti-forgery token for {@link LargeUploadServlet}. */
    public String getCsrf() {
        HttpSession session = (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(true);
        return LargeUploadServlet.csrfToken(session);
    }

    /** The per-message attachment limit of the sender, in MB, above which a link is offered. */
    public long getAttachmentLimitMb() {
        return compose.attachmentLimitBytes() / (1024 * 1024);
    }

    /** "Au-delà de 10 Mo …". */
    public String getHelp() {
        return Feedback.text("largefile.help", getAttachmentLimitMb(), getMaxMb() / 1024);
    }

    public long getMaxMb() {
        return settings.longValue("mail.large-file.max-mb", 2048);
    }
}
