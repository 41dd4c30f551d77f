package fr.preau.identity;

import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import fr.preau.account.Account;
import fr.preau.account.AccountRecords;
import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.mail.MailAddress;
import fr.preau.mail.MailDomains;
import fr.preau.shared.Deployment;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.ServiceBoundary;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Accounts created by an administrator ({@code admin}, or {@code etab-admin} for their own establishment): the
 * account row (mailbox, routing) and the Keycloak user with a provisional password, which Keycloak makes the user
 * replace at the first sign-in (required action UPDATE_PASSWORD). The provisional password is returned once, or
 * mailed to a personal address instead (the one the administrator gives at creation, the account's verified
 * recovery address at a reset) and then not returned; it is never stored by the portal.
 * {@link ProvisionalPasswordExpiry} makes an unused one stop working.
 */
@Stateless
@ServiceBoundary
@RolesAllowed({"admin", "etab-admin"})
public class ProvisionalAccountService {
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z-]*(\\.[a-z][a-z-]*)+[0-9]*");
    private static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
    private static final String STANDARD = "standard";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** No 0/O, 1/l/I: read aloud or copied from paper. */
    private static final String LETTERS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final Logger LOG = Logger.getLogger(ProvisionalAccountService.class.getName());

    @Resource
    private SessionContext context;

    @Inject
    private AccountRecords accounts;

    @Inject
    private Establishments establishments;

    @Inject
    private MailDomains domains;

    @Inject
    private ProvisionalPasswords issued;

    @Inject
    private RecoveryAddresses recoveryAddresses;

    @Inject
    private RecoveryMailer mailer;

    @Inject
    private IdentityServer identity;

    @EJB
    private SessionRevocations revocations;

    @EJB
    private AdministeredAccounts scope;

    @Inject
    private AccountRows rows;

    @Inject
    private Event<AuditEvent> audit;

    /**
     * Creates the account {@code username@domain} and its Keycloak user with a provisional password.
     *
     * @param establishmentUai the establishment (required for an {@code etab-admin}, who may only create in theirs)
     */
    public ProvisionalPassword createAccount(String username, String firstName, String lastName, String domain,
            String establishmentUai) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches() || name.length() > 64) {
            throw new InvalidInputException("username", "identity.username.invalid", username);
        }
        AccountIdentifier.checkNames(firstName, lastName);
        scope.checkEstablishment(establishmentUai);
        String address = name + "@" + academyDomain(domain);
        if (taken(name, address)) {
            throw new InvalidInputException("username", "identity.username.taken", name);
        }
        return create(name, address, firstName, lastName, establishmentUai, STANDARD, null);
    }

    /**
     * Creates an account from the names the administrator typed: identifier {@code prenom.nom} folded by
     * {@link AccountIdentifier}, the first free of {@code prenom.nom}, {@code prenom.nom2} … for homonyms (an
     * identifier or address ever given, even as an alias, is never given again), in the academy's domain.
     *
     * @param establishmentUai required for an {@code etab-admin} (one of theirs)
     * @param quotaClass a quota class code; none means {@code standard}
     */
    public ProvisionalPassword createAccount(String firstName, String lastName, String establishmentUai,
            String quotaClass) {
        return createAccountAndMail(firstName, lastName, establishmentUai, quotaClass, null);
    }

    /**
     * As {@link #createAccount(String, String, String, String)}; with a {@code personalAddress}, the provisional
     * password is mailed there (French and English, from the portal's system address, {@link RecoveryMailer}) and
     * not returned. Should that mail fail, the account stays created and the password is returned to be shown.
     *
     * @param personalAddress the person's own address outside the academy's domain; null or blank: none (the
     *     password is then returned, as by {@link #createAccount(String, String, String, String)})
     * @throws InvalidInputException field {@code personalAddress}: {@code admin.accounts.personal.invalid} or
     *     {@code admin.accounts.personal.academic}; nothing is created then
     */
    public ProvisionalPassword createAccountAndMail(String firstName, String lastName, String establishmentUai,
            String quotaClass, String personalAddress) {
        AccountIdentifier.checkNames(firstName, lastName);
        String base = AccountIdentifier.base(firstName, lastName);
        if (base.isEmpty()) {
            throw new InvalidInputException("lastName", "identity.name.invalid", lastName);
        }
        String uai = establishmentUai == null || establishmentUai.isBlank() ? null : establishmentUai.trim();
        scope.checkEstablishment(uai);
        if (uai != null && !establishments.exists(uai)) {
            throw new InvalidInputException("establishment", "identity.establishment.unknown", uai);
        }
        String quota = quotaClass == null || quotaClass.isBlank() ? STANDARD : quotaClass.trim();
        scope.checkQuotaClass(quota);
        String domain = academyDomain(null);
        String personal = personalAddress(personalAddress, domain);
        String name = AccountIdentifier.firstFree(base, candidate -> taken(candidate, candidate + "@" + domain));
        return create(name, name + "@" + domain, firstName, lastName, uai, quota, personal);
    }

    private ProvisionalPassword create(String name, String address, String firstName, String lastName,
            String establishmentUai, String quotaClass, String personal) {
        accounts.add(new Account(name, address, firstName.trim() + " " + lastName.trim(), establishmentUai,
                quotaClass));
        String password = newPassword();
        UserRepresentation user = new UserRepresentation();
        user.setUsername(name);
        user.setFirstName(firstName.trim());
        user.setLastName(lastName.trim());
        user.setEmail(address);
        user.setEmailVerified(true);
        user.setEnabled(true);
        user.setRequiredActions(List.of(UPDATE_PASSWORD));
        user.setCredentials(List.of(provisional(password)));
        identity.run(() -> {
            try (Response response = identity.realm().users().create(user)) {
                if (response.getStatus() == 409) {
                    throw new InvalidInputException("username", "identity.username.taken", name);
                }
                CreatedResponseUtil.getCreatedId(response);
            }
        });
        issued.issued(name, caller());
        audit.fire(AuditEvent.of(AuditAction.ACCOUNT_CREATED, caller(), name, null, true, address));
        return deliver(name, address, password, personal);
    }

    /** An identifier or address in use, or once used (a disabled account, an alias kept after a rename). */
    private boolean taken(String username, String address) {
        return rows.given(username, address) || identity.findUser(username).isPresent();
    }

    /** Gives an existing account a new provisional password (the old password stops working at once). */
    public ProvisionalPassword issueProvisionalPassword(String username) {
        return issueProvisionalPassword(username, false);
    }

    /**
     * As {@link #issueProvisionalPassword(String)}; with {@code toRecoveryAddress}, the password is mailed to the
     * account's verified recovery address (as {@link #createAccountAndMail} mails it) and not returned.
     *
     * @throws InvalidInputException {@code admin.accounts.noRecoveryAddress} when the account has no verified
     *     recovery address; its password is left unchanged then
     */
    public ProvisionalPassword issueProvisionalPassword(String username, boolean toRecoveryAddress) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        Account account = scope.managed(name, "identity.administrator.forbidden");
        if (account.isFunctional()) {
            throw new InvalidInputException("username", "admin.functional.noPassword", account.getAddress());
        }
        String personal = null;
        if (toRecoveryAddress) {
            personal = recoveryAddresses.of(name).filter(RecoveryAddress::verified).map(RecoveryAddress::address)
                    .orElseThrow(() -> new InvalidInputException("username", "admin.accounts.noRecoveryAddress",
                            name));
        }
        String password = newPassword();
        identity.run(() -> {
            var resource = identity.userResource(name);
            resource.resetPassword(provisional(password));
            UserRepresentation user = resource.toRepresentation();
            List<String> actions = new java.util.ArrayList<>(user.getRequiredActions());
            if (!actions.contains(UPDATE_PASSWORD)) {
                actions.add(UPDATE_PASSWORD);
            }
            user.setRequiredActions(actions);
            resource.update(user);
        });
        // The old password stops working at once, and so does every session opened with it.
        revocations.revoke(identity.endSessions(name));
        issued.issued(name, caller());
        audit.fire(AuditEvent.of(AuditAction.ADMIN_ACTION, caller(), name, null, true, "provisional password"));
        return deliver(name, account.getAddress(), password, personal);
    }

    /**
     * Mails the password to {@code personal} and leaves it out of the answer; without an address, or when the mail
     * fails (the account and its password stay: the administrator then shows it), the answer carries it. Audited
     * when an address was given: to whom, never the password.
     */
    private ProvisionalPassword deliver(String name, String address, String password, String personal) {
        if (personal == null) {
            return new ProvisionalPassword(name, address, password);
        }
        try {
            mailer.send(personal, ProvisionalPasswordMail.SUBJECT,
                    ProvisionalPasswordMail.text(name, address, password, Deployment.portalUrl()));
        } catch (ServiceUnavailableException e) {
            LOG.log(Level.WARNING, "Provisional password of " + name + " not mailed to " + personal, e);
            audit.fire(AuditEvent.of(AuditAction.ADMIN_ACTION, caller(), name, null, false,
                    "provisional password not sent to " + personal + ": shown instead"));
            return new ProvisionalPassword(name, address, password, personal, true);
        }
        audit.fire(AuditEvent.of(AuditAction.ADMIN_ACTION, caller(), name, null, true,
                "provisional password sent to " + personal));
        return new ProvisionalPassword(name, address, null, personal, false);
    }

    /**
     * The personal address typed at creation, checked before anything is created: null when none; refused when it
     * is not an address or is of the new account's own academic domain (it would be locked with the account).
     */
    private static String personalAddress(String typed, String academicDomain) {
        if (blank(typed)) {
            return null;
        }
        String clean = typed.trim().toLowerCase(Locale.ROOT);
        if (!MailAddress.isValid(clean) || clean.length() > 254) {
            throw new InvalidInputException("personalAddress", "admin.accounts.personal.invalid", typed.trim());
        }
        if (clean.substring(clean.indexOf('@') + 1).equals(academicDomain)) {
            throw new InvalidInputException("personalAddress", "admin.accounts.personal.academic", academicDomain);
        }
        return clean;
    }

    /**
     * The domain of a new account: one the academy's Postfix serves ({@code PREAU_MAIL_DOMAIN}, or an active row of
     * {@code mail_domain}); none given means the academy's. Another domain would give the account, and its Keycloak
     * e-mail, an address the academy does not own.
     */
    private String academyDomain(String domain) {
        String academy = Deployment.mailDomain();
        String wanted = domain == null || domain.isBlank() ? academy : domain.trim().toLowerCase(Locale.ROOT);
        if (wanted == null || wanted.isBlank()) {
            throw new InvalidInputException("domain", "identity.domain.invalid", "");
        }
        boolean served = wanted.equalsIgnoreCase(academy) || domains.isActive(wanted);
        if (!served) {
            throw new InvalidInputException("domain", "identity.domain.invalid", wanted);
        }
        return wanted;
    }

    private static CredentialRepresentation provisional(String password) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(true);
        return credential;
    }

    /**
     * 4 groups of 4 (letters and digits) joined by dashes plus one symbol: 20 characters, about 95 bits, and every
     * class the realm's password policy asks for.
     */
    static String newPassword() {
        StringBuilder sb = new StringBuilder();
        for (int group = 0; group < 4; group++) {
            if (group > 0) {
                sb.append('-');
            }
            for (int i = 0; i < 4; i++) {
                String pool = i == 3 ? DIGITS : LETTERS;
                sb.append(pool.charAt(RANDOM.nextInt(pool.length())));
            }
        }
        return sb.append('!').toString();
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
