package fr.preau.web.mail;

import java.util.Optional;

import fr.preau.mail.largefile.LargeFileDownloads;
import fr.preau.mail.largefile.LargeFileInfo;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public download page of a large-file link ({@code /public/telechargement.xhtml?jeton=…}): name, size,
 * sender and expiry, or a French explanation when the link is unknown (404) or expired (410).
 */
@Named
@RequestScoped
public class DownloadView {
    @EJB
    private LargeFileDownloads downloads;

    private String token;
    private Optional<LargeFileInfo> info;

    public void load() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.setResponseHeader("Referrer-Policy", "no-referrer");
        external.setResponseHeader("Cache-Control", "private, no-store");
        if (getInfo() == null) {
            external.setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        } else if (getInfo().expired()) {
            external.setResponseStatus(HttpServletResponse.SC_GONE);
        }
    }

    public LargeFileInfo getInfo() {
        if (info == null) {
            try {
                info = downloads.find(token);
            } catch (RuntimeException e) {
                info = Optional.empty();
            }
        }
        return info.orElse(null);
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
