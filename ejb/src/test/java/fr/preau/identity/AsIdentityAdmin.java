package fr.preau.identity;

import java.time.Instant;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Calls the identity services as the administrator {@value #USERNAME}, as the administration pages will. */
@Stateless
@RunAs("admin")
@RunAsPrincipal(AsIdentityAdmin.USERNAME)
@PermitAll
public class AsIdentityAdmin {
    static final String USERNAME = "it.admin";

    @EJB
    private ProvisionalAccountService accounts;

    @EJB
    private MfaPolicy mfa;

    @EJB
    private ProvisionalPasswordExpiry expiry;

    public ProvisionalPassword create(String username, String firstName, String lastName, String domain) {
        return accounts.createAccount(username, firstName, lastName, domain, null);
    }

    public ProvisionalPassword reissue(String username) {
        return accounts.issueProvisionalPassword(username);
    }

    public int requireMfaForAdministrators(boolean required) {
        return mfa.setRequiredForAdministrators(required);
    }

    public int expireUnused(Instant now) {
        return expiry.expireUnused(now);
    }
}
