package fr.preau.identity;

import java.util.Locale;
import java.util.Optional;

import fr.preau.audit.AuditAction;
import fr.preau.account.AccountRecords;
import fr.preau.audit.AuditEvent;
import fr.preau.mail.MailAddress;
import fr.preau.mail.largefile.LinkToken;
import fr.preau.settings.AcademySettings;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * The caller's personal recovery address ("Mon compte › Sécurité"): registered, then verified by a link mailed to it
 * (valid 24 h); only a verified address receives reset links ({@link PasswordRecoveryService}). An address of the
 * caller's own academic domain is refused: it would be locked with the account it is meant to recover. At most
 * {@code identity.recovery.verification-max-per-hour} (3) verification mails per account and hour.
 */
@Stateless
@ServiceBoundary
@RolesAllowed("user")
public class RecoveryAddressService {
    public static final String VERIFICATION_MAX_PER_HOUR = "identity.recovery.verification-max-per-hour";

    @Resource
    private SessionContext context;

    @Inject
    private RecoveryAddresses addresses;

    @Inject
    private AccountRecords accounts;

    @Inject
    private RecoveryMailer mailer;

    @Inject
    private AcademySettings settings;

    @Inject
    private Event<AuditEvent> audit;

    @Inject
    private RecentSignIn recentSignIn;

    public Optional<RecoveryAddress> current() {
        return addresses.of(caller());
    }

    /**
     * Records {@code address} (not verified yet) and mails it a verification link to {@code portalUrl}; a previously
     * verified address stays replaced: recovery waits for the new one to be verified.
     *
     * @throws fr.preau.shared.ReauthenticationRequiredException the caller's sign-in is not recent
     */
    public void register(String address, String portalUrl) {
        recentSignIn.require();
        String clean = address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
        if (!MailAddress.isValid(clean) || clean.length() > 254) {
            throw new InvalidInputException("address", "recovery.address.invalid", address);
        }
        if (accounts.addressInDomain(caller(), clean.substring(clean.indexOf('@') + 1))) {
            throw new InvalidInputException("address", "recovery.address.academic", clean);
        }
        int limit = settings.integer(VERIFICATION_MAX_PER_HOUR, 3);
        if (addresses.verificationsInLastHour(caller()) >= limit) {
            throw new InvalidInputException("address", "recovery.address.tooMany", String.valueOf(limit));
        }
        addresses.noteVerificationSent(caller());
        String token = LinkToken.create();
        addresses.register(caller(), clean, LinkToken.hash(token));
        mailer.send(clean, "Vérifiez votre adresse de secours",
                "Bonjour,\n\nVous avez indiqué cette adresse comme adresse de secours de votre compte de messagerie"
                + " académique (" + caller() + ").\n\nPour la confirmer, ouvrez ce lien dans les 24 heures :\n"
                + portalUrl + "/public/verifier-adresse.xhtml?jeton=" + token
                + "\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message.\n");
        audit.fire(AuditEvent.of(AuditAction.RECOVERY_ADDRESS_CHANGED, caller(), caller(), null, true,
                "registered " + clean));
    }

    /** Forgets the caller's recovery address: "Mot de passe oublié ?" will send nothing. */
    public void remove() {
        if (addresses.remove(caller())) {
            audit.fire(AuditEvent.of(AuditAction.RECOVERY_ADDRESS_CHANGED, caller(), caller(), null, true,
                    "removed"));
        }
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
