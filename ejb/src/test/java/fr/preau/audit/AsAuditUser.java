package fr.preau.audit;

import java.time.Instant;
import java.util.List;

import fr.preau.identity.AppPassword;
import fr.preau.identity.AppPasswordService;
import fr.preau.identity.NewAppPassword;
import fr.preau.identity.RecentSignIn;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Acts as the signed-in test user {@value #USERNAME} (role user), as the portal's pages would. */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsAuditUser.USERNAME)
@PermitAll
public class AsAuditUser {
    static final String USERNAME = "it.audit";

    @EJB
    private AppPasswordService appPasswords;

    @Inject
    private RecentSignIn recentSignIn;

    @EJB
    private AuditLog auditLog;

    /** As the page does right after the user signed in (the web module sets the sign-in time). */
    public NewAppPassword createAppPassword(String name) {
        recentSignIn.signedInAt(Instant.now());
        return appPasswords.create(name);
    }

    public List<AppPassword> appPasswords() {
        return appPasswords.list();
    }

    public void revokeAppPassword(long id) {
        appPasswords.revoke(id);
    }

    public List<AuditEntry> myActivity() {
        return auditLog.mine(0, 200);
    }
}
