package fr.preau.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
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

    @EJB
    private fr.preau.settings.AcademySettings settings;

    @EJB
    private RecoveryAddressService recovery;

    /** "Mon compte › Sécurité": registers a recovery address, which mails it a verification link. */
    public void registerRecoveryAddress(String address) {
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

    public void removeMfaCredential(String id) {
        security.removeMfaCredential(id);
    }
}
