package fr.preau.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Calls {@link AccountSecurityService} as the signed-in test user {@value #USERNAME}, as the security page does. */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsSecurityUser.USERNAME)
@PermitAll
public class AsSecurityUser {
    static final String USERNAME = "it.securite";

    @EJB
    private AccountSecurityService security;

    @Inject
    private RecentSignIn recentSignIn;

    @EJB
    private fr.preau.settings.AcademySettings settings;

    @EJB
    private RecoveryAddressService recovery;

    /**
     * "Mon compte › Sécurité" right after signing in: registers a recovery address, which mails it a verification
     * link.
     */
    public void registerRecoveryAddress(String address) {
        recentSignIn.signedInAt(Instant.now());
        recovery.register(address, "http://localhost");
    }

    /** What a signed-in user would try: change an academy setting. */
    public void setting(String name, String value) {
        settings.put(name, value);
    }

    public Optional<Instant> passwordChangedAt() {
        return security.passwordChangedAt();
    }

    public OptionalLong passwordExpiresInDays() {
        return security.passwordExpiresInDays();
    }

    public List<MfaCredential> mfaCredentials() {
        return security.mfaCredentials();
    }

    public List<ActiveSession> sessions() {
        return security.sessions();
    }

    public void endSession(String id) {
        security.endSession(id);
    }

    public void endAllSessions() {
        security.endAllSessions();
    }

    /** As the page does right after the user signed in (the web module sets the sign-in time). */
    public void removeMfaCredential(String id) {
        removeMfaCredentialSignedInAt(id, Instant.now());
    }

    /** As the page does for a user who signed in at {@code signedIn}. */
    public void removeMfaCredentialSignedInAt(String id, Instant signedIn) {
        recentSignIn.signedInAt(signedIn);
        security.removeMfaCredential(id);
    }
}
