package fr.preau.web.recovery;

import fr.preau.identity.PasswordRecoveryService;
import fr.preau.identity.RecoveryLink;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

/** The public page of a verification link ({@code /public/verifier-adresse.xhtml?jeton=…}). */
@Named
@RequestScoped
public class VerifyAddressView {
    @EJB
    private PasswordRecoveryService recovery;

    private String token;
    private RecoveryLink result = RecoveryLink.UNKNOWN;

    public void verify() {
        try {
            result = recovery.verifyAddress(token);
        } catch (RuntimeException e) {
            result = RecoveryLink.UNKNOWN;
        }
        var external = FacesContext.getCurrentInstance().getExternalContext();
        external.setResponseHeader("Referrer-Policy", "same-origin");
        if (result == RecoveryLink.UNKNOWN) {
            external.setResponseStatus(HttpServletResponse.SC_NOT_FOUND);
        } else if (result == RecoveryLink.EXPIRED) {
            external.setResponseStatus(HttpServletResponse.SC_GONE);
        }
    }

    public String getResultName() {
        return result.name().toLowerCase(java.util.Locale.ROOT);
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
