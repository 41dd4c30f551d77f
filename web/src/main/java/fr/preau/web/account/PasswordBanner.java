package fr.preau.web.account;

import java.io.Serializable;
import java.util.OptionalLong;

import fr.preau.identity.AccountSecurityService;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;

/**
 * The banner "Votre mot de passe expire dans N jours" of every page: asked of Keycloak once per session (and again
 * after a password change), shown only when the academy has an expiry and it is near.
 */
@Named
@SessionScoped
public class PasswordBanner implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private AccountSecurityService security;

    private Long daysLeft;
    private boolean known;

    public boolean isVisible() {
        return days() >= 0;
    }

    public long getDaysLeft() {
        return days();
    }

    /** After a password change: ask again at the next page. */
    public void forget() {
        known = false;
    }

    private long days() {
        if (!known) {
            try {
                OptionalLong left = security.passwordExpiresInDays();
                daysLeft = left.isPresent() ? left.getAsLong() : null;
                known = true;
            } catch (ServiceUnavailableException | NotFoundException e) {
                // No banner while Keycloak cannot say; asked again at the next page.
                daysLeft = null;
            }
        }
        return daysLeft == null ? -1 : daysLeft;
    }
}
