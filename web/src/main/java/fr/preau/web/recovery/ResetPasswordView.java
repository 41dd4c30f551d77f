package fr.preau.web.recovery;

import java.io.Serializable;
import java.util.Locale;

import fr.preau.identity.PasswordRecoveryService;
import fr.preau.identity.RecoveryLink;
import fr.preau.shared.InvalidInputException;
import fr.preau.web.shared.Feedback;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public page of a reset link ({@code /public/nouveau-mot-de-passe.xhtml?jeton=…}): the new password twice.
 * Referrer-Policy same-origin keeps the token from other sites yet lets the form post with its Origin (CSRF filter).
 */
@Named
@ViewScoped
public class ResetPasswordView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private PasswordRecoveryService recovery;

    private String token;
    private RecoveryLink link = RecoveryLink.UNKNOWN;
    private String password;
    private String confirmation;
    private boolean revokeCredentials;
    private boolean done;

    public void load() {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.setResponseHeader("Referrer-Policy", "same-origin");
        external.setResponseHeader("Cache-Control", "private, no-store");
        try {
            link = recovery.resetLink(token);
        } catch (RuntimeException e) {
            link = RecoveryLink.UNKNOWN;
        }
        if (link == RecoveryLink.UNKNOWN) {
            external.setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        } else if (link != RecoveryLink.VALID) {
            external.setResponseStatus(HttpServletResponse.SC_GONE);
        }
    }

    public void save() {
        try {
            recovery.resetPassword(token, password, confirmation, revokeCredentials);
            done = true;
        } catch (InvalidInputException e) {
            if ("token".equals(e.field())) {
                link = recovery.resetLink(token);
            } else {
                Feedback.failed(e, "reset");
            }
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
        password = null;
        confirmation = null;
    }

    public String getLinkName() {
        return link.name().toLowerCase(Locale.ROOT);
    }

    public boolean isDone() {
        return done;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isRevokeCredentials() {
        return revokeCredentials;
    }

    public void setRevokeCredentials(boolean revokeCredentials) {
        this.revokeCredentials = revokeCredentials;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
