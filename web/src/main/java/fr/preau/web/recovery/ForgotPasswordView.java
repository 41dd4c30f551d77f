package fr.preau.web.recovery;

import fr.preau.identity.PasswordRecoveryService;
import fr.preau.web.shared.Feedback;
import fr.preau.web.shared.PortalAddress;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The public page "Mot de passe oublié ?": always the same neutral answer (no account enumeration). */
@Named
@RequestScoped
public class ForgotPasswordView {
    @EJB
    private PasswordRecoveryService recovery;

    private String identifier;
    private boolean sent;

    public void send() {
        try {
            recovery.requestReset(identifier, PortalAddress.base());
            sent = true;
        } catch (RuntimeException e) {
            Feedback.failed(e, "forgot");
        }
    }

    public boolean isSent() {
        return sent;
    }

    public String getIdentifier() {
        return identifier;
    }

    public void setIdentifier(String identifier) {
        this.identifier = identifier;
    }
}
