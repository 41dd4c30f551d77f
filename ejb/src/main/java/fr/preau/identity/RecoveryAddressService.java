package fr.preau.identity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import fr.preau.audit.AuditAction;
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
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

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

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    @Inject
    private RecoveryMailer mailer;

    @Inject
    private AcademySettings settings;

    @Inject
    private Event<AuditEvent> audit;

    @Inject
    private RecentSignIn recentSignIn;

    public Optional<RecoveryAddress> current() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select address, verified_at is not null from recovery_address"
                + " where username = ?1").setParameter(1, caller()).getResultList();
        return rows.stream().findFirst().map(r -> new RecoveryAddress((String) r[0], (Boolean) r[1]));
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
        Number academic = (Number) em.createNativeQuery("select count(*) from account where username = ?1"
                + " and split_part(address, '@', 2) = ?2")
                .setParameter(1, caller()).setParameter(2, clean.substring(clean.indexOf('@') + 1))
                .getSingleResult();
        if (academic.intValue() > 0) {
            throw new InvalidInputException("address", "recovery.address.academic", clean);
        }
        Number recent = (Number) em.createNativeQuery("select count(*) from recovery_verification_sent"
                + " where username = ?1 and sent_at > now() - interval '1 hour'").setParameter(1, caller())
                .getSingleResult();
        int limit = settings.integer(VERIFICATION_MAX_PER_HOUR, 3);
        if (recent.intValue() >= limit) {
            throw new InvalidInputException("address", "recovery.address.tooMany", String.valueOf(limit));
        }
        em.createNativeQuery("delete from recovery_verification_sent where sent_at < now() - interval '1 day'")
                .executeUpdate();
        em.createNativeQuery("insert into recovery_verification_sent (username) values (?1)")
                .setParameter(1, caller()).executeUpdate();
        String token = LinkToken.create();
        em.createNativeQuery("insert into recovery_address (username, address, verified_at, verify_token_hash,"
                + " verify_expires_at, updated_at) values (?1, ?2, null, ?3, now() + interval '24 hours', now())"
                + " on conflict (username) do update set address = excluded.address, verified_at = null,"
                + " verify_token_hash = excluded.verify_token_hash,"
                + " verify_expires_at = excluded.verify_expires_at, updated_at = now()")
                .setParameter(1, caller()).setParameter(2, clean).setParameter(3, LinkToken.hash(token))
                .executeUpdate();
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
        int removed = em.createNativeQuery("delete from recovery_address where username = ?1")
                .setParameter(1, caller()).executeUpdate();
        if (removed > 0) {
            audit.fire(AuditEvent.of(AuditAction.RECOVERY_ADDRESS_CHANGED, caller(), caller(), null, true,
                    "removed"));
        }
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
