package fr.preau.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.mail.largefile.LinkToken;
import fr.preau.settings.AcademySettings;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.keycloak.representations.idm.CredentialRepresentation;

/**
 * "Mot de passe oublié ?" for people who are not signed in (ADR 0065): a reset link mailed to the verified personal
 * address (1 h, single use, at most {@code identity.recovery.max-per-hour} (3) per account and hour), the new
 * password set through Keycloak's admin API. Whatever the identifier, the caller learns nothing about the account.
 */
@Stateless
@ServiceBoundary
@PermitAll
public class PasswordRecoveryService {
    public static final String MAX_PER_HOUR = "identity.recovery.max-per-hour";
    private static final Logger LOG = Logger.getLogger(PasswordRecoveryService.class.getName());
    private static final Pattern KEYCLOAK_POLICY = Pattern.compile("invalidPassword[A-Za-z]+Message");
    private static final Set<String> KNOWN_POLICIES = Set.of("invalidPasswordMinLengthMessage",
            "invalidPasswordMinDigitsMessage", "invalidPasswordMinSpecialCharsMessage",
            "invalidPasswordRegexPatternMessage", "invalidPasswordNotUsernameMessage",
            "invalidPasswordNotEmailMessage", "invalidPasswordHistoryMessage");

    @Inject
    private LeftoverCredentials leftovers;

    @Inject
    private RecoveryAddresses addresses;

    @Inject
    private RecoveryTokens tokens;

    @Inject
    private IdentityServer identity;

    @EJB
    private RecoveryMailQueue mailQueue;

    @EJB
    private SessionRevocations revocations;

    @Inject
    private AcademySettings settings;

    @Inject
    private Event<AuditEvent> audit;

    /**
     * Mails a reset link when {@code identifier} (username or academic address) names an enabled account with a
     * verified personal address and the hourly limit is not reached; otherwise does nothing. Never tells which.
     */
    public void requestReset(String identifier, String portalUrl) {
        String id = identifier == null ? "" : identifier.trim().toLowerCase(Locale.ROOT);
        if (id.isEmpty() || id.length() > 254) {
            throw new InvalidInputException("identifier", "recovery.identifier.required", null);
        }
        Optional<RecoveryAddresses.Verified> verified = addresses.verifiedOfEnabledAccount(id);
        if (verified.isEmpty()) {
            return;
        }
        String username = verified.get().username();
        String address = verified.get().address();
        if (tokens.createdInLastHour(username) >= settings.integer(MAX_PER_HOUR, 3)) {
            LOG.info("Password reset for " + username + " not sent: hourly limit reached");
            return;
        }
        String token = LinkToken.create();
        tokens.add(LinkToken.hash(token), username);
        // Queued: the answer does not wait for Postfix, so it takes as long for an account without a recovery
        // address (ADR 0065).
        mailQueue.send(address, "Réinitialisation de votre mot de passe",
                "Bonjour,\n\nUne réinitialisation du mot de passe de votre compte de messagerie académique ("
                + username + ") a été demandée.\n\nPour choisir un nouveau mot de passe, ouvrez ce lien dans"
                + " l'heure qui vient (il ne sert qu'une fois) :\n" + portalUrl
                + "/public/nouveau-mot-de-passe.xhtml?jeton=" + token
                + "\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message :"
                + " votre mot de passe reste inchangé.\n", "Password reset mail for " + username);
    }

    /** Opens the verification link of a personal address; VALID means it is now verified. */
    public RecoveryLink verifyAddress(String token) {
        if (!LinkToken.wellFormed(token)) {
            return RecoveryLink.UNKNOWN;
        }
        Optional<RecoveryAddresses.Pending> pending = addresses.pendingForUpdate(LinkToken.hash(token));
        if (pending.isEmpty()) {
            return RecoveryLink.UNKNOWN;
        }
        if (pending.get().expired()) {
            return RecoveryLink.EXPIRED;
        }
        String username = pending.get().username();
        addresses.markVerified(username);
        audit.fire(AuditEvent.of(AuditAction.RECOVERY_ADDRESS_CHANGED, username, username, null, true,
                "verified " + pending.get().address()));
        return RecoveryLink.VALID;
    }

    /** What a reset link is worth, without using it. */
    public RecoveryLink resetLink(String token) {
        if (!LinkToken.wellFormed(token)) {
            return RecoveryLink.UNKNOWN;
        }
        Optional<RecoveryTokens.State> state = tokens.state(LinkToken.hash(token));
        if (state.isEmpty()) {
            return RecoveryLink.UNKNOWN;
        }
        if (state.get().used()) {
            return RecoveryLink.USED;
        }
        return state.get().expired() ? RecoveryLink.EXPIRED : RecoveryLink.VALID;
    }

    /**
     * Sets the new password of the link's account (definitive), uses up every pending link of the account and ends
     * its sessions. A password Keycloak's policy refuses changes nothing and leaves the link usable.
     */
    public void resetPassword(String token, String password, String confirmation) {
        resetPassword(token, password, confirmation, false);
    }

    /**
     * {@link #resetPassword(String, String, String)}; with {@code alsoCredentials} (the user's choice on the form),
     * the account's app passwords and pending links are revoked too ({@link LeftoverCredentials}).
     */
    public void resetPassword(String token, String password, String confirmation, boolean alsoCredentials) {
        RecoveryLink state = resetLink(token);
        if (state != RecoveryLink.VALID) {
            throw new InvalidInputException("token", "recovery.link." + state.name().toLowerCase(Locale.ROOT), null);
        }
        if (password == null || password.isEmpty()) {
            throw new InvalidInputException("password", "recovery.password.required", null);
        }
        if (!password.equals(confirmation)) {
            throw new InvalidInputException("confirmation", "recovery.password.mismatch", null);
        }
        String username = tokens.claim(LinkToken.hash(token))
                .orElseThrow(() -> new InvalidInputException("token", "recovery.link.used", null));
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        try {
            identity.run(() -> identity.userResource(username).resetPassword(credential));
        } catch (WebApplicationException e) {
            throw new InvalidInputException("password", policyMessage(e), null);
        }
        // Whoever had the old password (or a stolen portal session) is signed out, in the portal too.
        revocations.revoke(identity.endSessions(username));
        tokens.useAll(username);
        if (alsoCredentials) {
            leftovers.revoke(username);
        }
        audit.fire(AuditEvent.of(AuditAction.PASSWORD_CHANGED, username, username, null, true,
                "reset through the recovery address"));
    }

    /** The French explanation of Keycloak's refusal (its message key, e.g. invalidPasswordMinLengthMessage). */
    static String policyMessage(WebApplicationException e) {
        String body = "";
        try {
            body = e.getResponse() == null ? "" : e.getResponse().readEntity(String.class);
        } catch (RuntimeException unreadable) {
            LOG.fine("Keycloak's refusal has no readable body: " + unreadable.getMessage());
        }
        Matcher m = KEYCLOAK_POLICY.matcher(body == null ? "" : body);
        String key = m.find() ? m.group() : "";
        LOG.info("Keycloak refused a recovered password: " + body);
        return KNOWN_POLICIES.contains(key) ? "recovery.password." + key : "recovery.password.rejected";
    }
}
