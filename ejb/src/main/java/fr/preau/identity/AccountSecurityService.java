package fr.preau.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.settings.AcademySettings;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserSessionRepresentation;

/**
 * "Mon compte › Sécurité" of the signed-in user: when the password was last changed and when it expires, the
 * second factors (listed, removable), the open sessions (listed, ended one by one or all at once). Always the
 * caller's own account, from the container's principal, never from a parameter. Enrolling and changing a password
 * happen on Keycloak's pages (application-initiated actions); {@link #actionReturned} records their outcome.
 */
@Stateless
@ServiceBoundary
@RolesAllowed("user")
public class AccountSecurityService {
    /** Days a password stays valid; 0 = no expiry (the academy's documented choice, as NIST SP 800-63B advises). */
    public static final String PASSWORD_EXPIRY_DAYS = "identity.password.expiry-days";
    /** The banner "Votre mot de passe expire dans N jours" shows from this many days before expiry. */
    public static final String PASSWORD_EXPIRY_WARNING_DAYS = "identity.password.expiry-warning-days";

    @Resource
    private SessionContext context;

    @Inject
    private IdentityServer identity;

    @EJB
    private AcademySettings settings;

    @Inject
    private Event<AuditEvent> audit;

    @EJB
    private SessionRevocations revocations;

    @EJB
    private SessionDevices devices;

    @Inject
    private RecentSignIn recentSignIn;

    @Inject
    private LeftoverCredentials leftovers;

    /** When the caller's password was set, if they have one. */
    public Optional<Instant> passwordChangedAt() {
        return credentials().stream().filter(c -> CredentialRepresentation.PASSWORD.equals(c.getType()))
                .map(CredentialRepresentation::getCreatedDate).filter(java.util.Objects::nonNull)
                .max(Long::compare).map(Instant::ofEpochMilli);
    }

    /**
     * Days left before the caller's password expires, only when the academy has an expiry and it is near (within
     * {@link #PASSWORD_EXPIRY_WARNING_DAYS}, default 14); empty otherwise.
     */
    public OptionalLong passwordExpiresInDays() {
        int expiryDays = settings.integer(PASSWORD_EXPIRY_DAYS, 0);
        if (expiryDays <= 0) {
            return OptionalLong.empty();
        }
        Optional<Instant> changed = passwordChangedAt();
        if (changed.isEmpty()) {
            return OptionalLong.empty();
        }
        long left = PasswordExpiry.daysLeft(changed.get(), expiryDays, Instant.now());
        int warning = settings.integer(PASSWORD_EXPIRY_WARNING_DAYS, 14);
        return left <= warning ? OptionalLong.of(left) : OptionalLong.empty();
    }

    /** The caller's authenticator apps and security keys, oldest first. */
    public List<MfaCredential> mfaCredentials() {
        List<MfaCredential> result = new ArrayList<>();
        for (CredentialRepresentation c : credentials()) {
            if (isSecondFactor(c.getType())) {
                result.add(new MfaCredential(c.getId(), c.getType(), c.getUserLabel() == null ? "" : c.getUserLabel(),
                        c.getCreatedDate() == null ? null : Instant.ofEpochMilli(c.getCreatedDate())));
            }
        }
        result.sort(Comparator.comparing(MfaCredential::created, Comparator.nullsFirst(Comparator.naturalOrder())));
        return result;
    }

    /**
     * Removes one of the caller's second factors; someone else's id is "not found".
     *
     * @throws fr.preau.shared.ReauthenticationRequiredException the caller's sign-in is not recent
     */
    public void removeMfaCredential(String credentialId) {
        recentSignIn.require();
        MfaCredential credential = mfaCredentials().stream().filter(c -> c.id().equals(credentialId)).findFirst()
                .orElseThrow(() -> new NotFoundException("identity.mfa.missing", credentialId));
        identity.run(() -> identity.userResource(caller()).removeCredential(credential.id()));
        audit.fire(AuditEvent.of(AuditAction.MFA_CHANGED, caller(), caller(), null, true,
                "removed " + credential.type() + " " + credential.label()));
    }

    /** The caller's open sessions, most recent activity first. */
    public List<ActiveSession> sessions() {
        List<UserSessionRepresentation> sessions = identity.call(
                () -> identity.userResource(caller()).getUserSessions());
        Map<String, String> labels;
        try {
            labels = devices.labels(caller(), sessions.stream().map(UserSessionRepresentation::getId).toList());
        } catch (RuntimeException e) {
            // Without PostgreSQL the sessions are still listed, without their browser.
            labels = Map.of();
        }
        List<ActiveSession> result = new ArrayList<>();
        for (UserSessionRepresentation s : sessions) {
            List<String> clients = s.getClients() == null ? List.of() : List.copyOf(s.getClients().values());
            result.add(new ActiveSession(s.getId(), s.getIpAddress(), Instant.ofEpochMilli(s.getStart()),
                    Instant.ofEpochMilli(s.getLastAccess()), clients, labels.get(s.getId())));
        }
        result.sort(Comparator.comparing(ActiveSession::lastAccess).reversed());
        return result;
    }

    /** Ends one of the caller's sessions (the browser or mail client using it must sign in again). */
    public void endSession(String sessionId) {
        boolean own = sessions().stream().anyMatch(s -> s.id().equals(sessionId));
        if (!own) {
            throw new NotFoundException("identity.session.missing", sessionId);
        }
        identity.run(() -> identity.realm().deleteSession(sessionId, false));
        revocations.revoke(List.of(sessionId));
        audit.fire(AuditEvent.of(AuditAction.SESSION_REVOKED, caller(), caller(), null, true, "session " + sessionId));
    }

    /** Ends every session of the caller, this one included. */
    public void endAllSessions() {
        endAllSessions(false);
    }

    /**
     * Ends every session of the caller, this one included; with {@code alsoCredentials}, also revokes their app
     * passwords and every pending reset or verification link ({@link LeftoverCredentials}).
     */
    public void endAllSessions(boolean alsoCredentials) {
        if (alsoCredentials) {
            leftovers.revoke(caller());
        }
        revocations.revoke(sessions().stream().map(ActiveSession::id).toList());
        identity.run(() -> identity.userResource(caller()).logout());
        audit.fire(AuditEvent.of(AuditAction.SESSION_REVOKED, caller(), caller(), null, true, "all sessions"));
    }

    /**
     * Records what Keycloak said when it sent the browser back from an application-initiated action
     * ({@code kc_action_status}: success, cancelled or error).
     */
    public void actionReturned(KeycloakAction action, String status) {
        if ("cancelled".equals(status)) {
            return;
        }
        AuditAction what = action == KeycloakAction.UPDATE_PASSWORD ? AuditAction.PASSWORD_CHANGED
                : AuditAction.MFA_CHANGED;
        audit.fire(AuditEvent.of(what, caller(), caller(), null, "success".equals(status),
                action.keycloakName() + ": " + status));
    }

    private List<CredentialRepresentation> credentials() {
        return identity.call(() -> identity.userResource(caller()).credentials());
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }

    static boolean isSecondFactor(String type) {
        return "otp".equals(type) || (type != null && type.startsWith("webauthn"));
    }

    /** Expiry arithmetic, pure. */
    static final class PasswordExpiry {
        private PasswordExpiry() {
        }

        static long daysLeft(Instant changed, int expiryDays, Instant now) {
            Instant expires = changed.plus(Duration.ofDays(expiryDays));
            long seconds = Duration.between(now, expires).getSeconds();
            return seconds <= 0 ? 0 : (seconds + 86_399) / 86_400;
        }
    }
}
