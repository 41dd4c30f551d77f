package fr.preau.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.settings.AcademySettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Makes provisional passwords that were never used stop working after {@link #DAYS} days (default 14): the
 * password is removed from Keycloak (nothing else changes; an administrator issues a new one). A provisional
 * password counts as used once Keycloak no longer asks its user for UPDATE_PASSWORD. Run each night by the last
 * step of the batch job {@code password-expiry} (module batch) under the role {@code batch} (docs/adr/0091); no
 * page reaches it.
 */
@Stateless
@RolesAllowed("batch")
public class ProvisionalPasswordExpiry {
    /** Days after which an unused provisional password stops working. */
    public static final String DAYS = "identity.provisional-password.days";
    private static final Logger LOG = Logger.getLogger(ProvisionalPasswordExpiry.class.getName());

    @Inject
    private ProvisionalPasswords issued;

    @Inject
    private IdentityServer identity;

    @EJB
    private AcademySettings settings;

    @Inject
    private Event<AuditEvent> audit;

    /**
     * Expires the provisional passwords issued more than {@link #DAYS} days before {@code now} and still unused;
     * forgets the ones that were used. Returns how many were expired.
     */
    public int expireUnused(Instant now) {
        return expireUnused(now, "%");
    }

    /** As {@link #expireUnused(Instant)}, for the identifiers like {@code usernames} (SQL LIKE) only. */
    public int expireUnused(Instant now, String usernames) {
        Instant cutoff = now.minus(Duration.ofDays(settings.integer(DAYS, 14)));
        int expired = 0;
        for (String username : issued.issuedBefore(cutoff, usernames)) {
            var user = identity.findUser(username);
            if (user.isEmpty() || !stillProvisional(user.get())) {
                issued.forget(username);
                continue;
            }
            String id = user.get().getId();
            identity.run(() -> {
                var resource = identity.realm().users().get(id);
                for (CredentialRepresentation c : resource.credentials()) {
                    if (CredentialRepresentation.PASSWORD.equals(c.getType())) {
                        resource.removeCredential(c.getId());
                    }
                }
            });
            issued.expired(username);
            audit.fire(AuditEvent.of(AuditAction.ADMIN_ACTION, null, username, null, true,
                    "unused provisional password expired"));
            LOG.info("Unused provisional password of " + username + " expired");
            expired++;
        }
        return expired;
    }

    private static boolean stillProvisional(UserRepresentation user) {
        return user.getRequiredActions() != null && user.getRequiredActions().contains("UPDATE_PASSWORD");
    }
}
