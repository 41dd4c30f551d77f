package fr.preau.web.account;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

import fr.preau.identity.AccountSecurityService;
import fr.preau.identity.ActiveSession;
import fr.preau.identity.MfaCredential;
import fr.preau.web.shared.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** "Mon compte › Sécurité": password, second factors and sessions of the signed-in user. */
@Named
@ViewScoped
public class SecurityView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private AccountSecurityService security;

    private Instant passwordChanged;
    private List<MfaCredential> credentials = List.of();
    private List<ActiveSession> sessions = List.of();
    private boolean loaded;
    private String outcomeKey;
    private boolean endAllCredentials;

    @PostConstruct
    void init() {
        HttpSession session = (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(true);
        Object outcome = session.getAttribute(KeycloakActionReturnServlet.OUTCOME);
        if (outcome != null) {
            session.removeAttribute(KeycloakActionReturnServlet.OUTCOME);
            outcomeKey = outcome.toString();
        }
        load();
    }

    private void load() {
        try {
            passwordChanged = security.passwordChangedAt().orElse(null);
            credentials = security.mfaCredentials();
            sessions = security.sessions();
            loaded = true;
        } catch (RuntimeException e) {
            loaded = false;
            Feedback.failed(e, null);
        }
    }

    public void removeCredential(MfaCredential credential) {
        try {
            security.removeMfaCredential(credential.id());
            Feedback.info(credential.securityKey() ? "security.mfa.key.removed" : "security.mfa.totp.removed");
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
        load();
    }

    public void endSession(ActiveSession session) {
        try {
            security.endSession(session.id());
            Feedback.info("security.sessions.ended");
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
        load();
    }

    /** Ends every session, this one too: the browser leaves for the signed-out page. */
    public void endAllSessions() throws IOException {
        try {
            security.endAllSessions(endAllCredentials);
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.invalidateSession();
        try {
            ((HttpServletRequest) external.getRequest()).logout();
        } catch (jakarta.servlet.ServletException e) {
            // Nothing more to end locally.
        }
        external.redirect(external.getRequestContextPath() + "/public/deconnexion.xhtml");
    }

    /** Whether this row is the session of the browser looking at the page (its IP and most recent portal use). */
    public boolean isCurrent(ActiveSession session) {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        return session.id().equals(KeycloakSessionId.of(request));
    }

    /** The message key of what Keycloak said after an action started from this page, if the page follows one. */
    public String getOutcomeKey() {
        return outcomeKey;
    }

    public boolean isOutcomeSuccess() {
        return outcomeKey != null && outcomeKey.endsWith(".success");
    }

    /** "Révoquer aussi mes mots de passe d'application et les liens en attente" beside "Se déconnecter partout". */
    public boolean isEndAllCredentials() {
        return endAllCredentials;
    }

    public void setEndAllCredentials(boolean endAllCredentials) {
        this.endAllCredentials = endAllCredentials;
    }

    public boolean isLoaded() {
        return loaded;
    }

    public Instant getPasswordChanged() {
        return passwordChanged;
    }

    public List<MfaCredential> getCredentials() {
        return credentials;
    }

    public List<ActiveSession> getSessions() {
        return sessions;
    }
}
