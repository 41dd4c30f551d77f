package fr.preau.web.mail;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import fr.preau.mail.FolderPath;
import fr.preau.mail.export.ExportService;
import fr.preau.web.shared.Feedback;
import fr.preau.web.shared.UserView;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;

/** The export page of a folder: its size, the two download links, and the progress of the running download. */
@Named
@ViewScoped
public class ExportView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private ExportService exports;

    @Inject
    private ExportProgress progress;

    @Inject
    private UserView user;

    private String dossier;
    private FolderPath folder;
    private int count = -1;
    private final String token = UUID.randomUUID().toString();

    /** f:viewAction: counts the folder's messages. */
    public void init() {
        user.loadIfMissing();
        try {
            folder = new FolderPath(dossier == null || dossier.isBlank() ? "INBOX" : dossier);
        } catch (IllegalArgumentException e) {
            folder = FolderPath.INBOX;
        }
        dossier = folder.name();
        try {
            count = exports.count(folder);
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** The download address of this folder in this format ({@code mbox} or {@code zip}). */
    public String link(String format) {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getExternalContext().getRequestContextPath() + "/mail/export?dossier="
                + URLEncoder.encode(dossier, StandardCharsets.UTF_8) + "&format=" + format + "&jeton=" + token;
    }

    private ExportProgress.State state() {
        HttpSession session = (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(true);
        return progress.get(session.getId(), token);
    }

    public String getProgressText() {
        ExportProgress.State s = state();
        if (s == null) {
            return Feedback.text("export.progress.waiting");
        }
        if (s.failed()) {
            return Feedback.text("export.progress.failed");
        }
        return s.finished() ? Feedback.text("export.progress.done", s.done())
                : Feedback.text("export.progress.running", s.done(), s.total());
    }

    public int getPercent() {
        ExportProgress.State s = state();
        return s == null ? 0 : s.percent();
    }

    public boolean isFinished() {
        ExportProgress.State s = state();
        return s != null && s.finished();
    }

    public boolean isAvailable() {
        return count >= 0;
    }

    public int getCount() {
        return count;
    }

    /** The folder as the user knows it (the inbox by its French name). */
    public String getFolderLabel() {
        return folder == null || FolderPath.INBOX.equals(folder) ? Feedback.text("mail.folder.INBOX")
                : folder.leaf('/');
    }

    public String getDossier() {
        return dossier;
    }

    public void setDossier(String dossier) {
        this.dossier = dossier;
    }

    public String getToken() {
        return token;
    }
}
