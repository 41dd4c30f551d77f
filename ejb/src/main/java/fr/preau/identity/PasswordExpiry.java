package fr.preau.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.jobs.NightlySchedule;
import fr.preau.settings.AcademySettings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * What the nightly job {@code password-expiry} does for one account (issue 11, JOB-3; docs/adr/0095), at the instant
 * the job gives (its clock): when the academy sets a password lifetime
 * ({@link AccountSecurityService#PASSWORD_EXPIRY_DAYS}, 0 = off, the banner's setting), a warning mail at J-15, J-7
 * and J-1, then at expiry Keycloak's required action UPDATE_PASSWORD (the next sign-in asks for a new password);
 * when it sets an inactivity policy ({@link #INACTIVITY_DAYS}, 0 = off), a warning mail
 * {@link #INACTIVITY_WARNING_DAYS} days before, then the suspension of the accounts page
 * ({@link AccountAdministration#suspendInactive}). Every mail is recorded in {@code account_notice} before it is
 * sent, so a second run the same night mails nothing and changes nothing. Role {@code batch} only (ADR 0091).
 */
@Stateless
@RolesAllowed("batch")
public class PasswordExpiry {
    /** Days without any sign-in after which an account is suspended; 0 (default) = never. */
    public static final String INACTIVITY_DAYS = "identity.inactivity.days";
    /** How long before the suspension the owner is warned (default 15 days); never suspended sooner after it. */
    public static final String INACTIVITY_WARNING_DAYS = "identity.inactivity.warning-days";
    /** The actor of the suspensions in the audit log. */
    public static final String JOB = "password-expiry";
    static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";
    /**
     * The least time between the first warning and the expiry: 14 days, what the J-15 warning gives when it is sent
     * (by a job that runs once a night) on the day 15 days or fewer are left.
     */
    static final Duration MIN_NOTICE = Duration.ofDays(14);
    /** Days before expiry of the warnings, most urgent last. */
    static final int[] STAGES = {15, 7, 1};

    private static final Logger LOG = Logger.getLogger(PasswordExpiry.class.getName());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);

    /** What happened to an account. */
    public enum Outcome {
        PASSWORD_WARNED, PASSWORD_EXPIRED, INACTIVITY_WARNED, SUSPENDED
    }

    @Inject
    private ExpiryAccounts accounts;

    @Inject
    private AccountNotices notices;

    @Inject
    private IdentityServer identity;

    @EJB
    private AcademySettings settings;

    @EJB
    private AccountAdministration administration;

    @Inject
    private RecoveryMailer mailer;

    @Inject
    private Event<AuditEvent> audit;

    /**
     * The accounts the job looks at, in identifier order after {@code after} (null: from the first): enabled, not
     * suspended, identifier like {@code pattern} (SQL LIKE); at most {@code limit}.
     */
    public List<String> accountsAfter(String after, String pattern, int limit) {
        return accounts.after(after, pattern, limit);
    }

    /**
     * Warns, expires or suspends one account as the policies say at {@code now}; nothing when both are off. Its own
     * transaction: what is done for one account (its notice rows, its suspension) commits with it, so an account
     * that fails later in the same chunk never makes a restart mail this one again.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Set<Outcome> review(String username, Instant now) {
        Set<Outcome> done = EnumSet.noneOf(Outcome.class);
        Optional<ExpiryAccounts.Row> found = accounts.row(username);
        if (found.isEmpty()) {
            return done;
        }
        ExpiryAccounts.Row row = found.get();
        int maxAge = Math.max(0, settings.integer(AccountSecurityService.PASSWORD_EXPIRY_DAYS, 0));
        if (maxAge > 0) {
            password(row, Duration.ofDays(maxAge), now).ifPresent(done::add);
        }
        int inactivity = Math.max(0, settings.integer(INACTIVITY_DAYS, 0));
        if (inactivity > 0) {
            int warning = Math.max(1, settings.integer(INACTIVITY_WARNING_DAYS, 15));
            inactivity(row, Duration.ofDays(inactivity), Duration.ofDays(warning), now).ifPresent(done::add);
        }
        return done;
    }

    private Optional<Outcome> password(ExpiryAccounts.Row row, Duration maxAge, Instant now) {
        Instant firstWarning = now.plus(Duration.ofDays(STAGES[0]));
        if (row.passwordCreated() != null && row.passwordCreated().plus(maxAge).isAfter(firstWarning)) {
            return Optional.empty(); // the real date can only be later: far from expiry, no call to Keycloak
        }
        Optional<UserRepresentation> user = identity.findUser(row.username());
        if (user.isEmpty()) {
            return Optional.empty();
        }
        String id = user.get().getId();
        Optional<Instant> created = identity.call(() -> identity.realm().users().get(id).credentials()).stream()
                .filter(c -> CredentialRepresentation.PASSWORD.equals(c.getType()) && c.getCreatedDate() != null)
                .map(c -> Instant.ofEpochMilli(c.getCreatedDate())).max(Instant::compareTo);
        if (created.isEmpty()) {
            return Optional.empty(); // no password (an unused provisional one removed): nothing expires
        }
        accounts.passwordCreated(row.id(), created.get());
        List<String> actions = user.get().getRequiredActions() == null ? List.of()
                : user.get().getRequiredActions();
        if (actions.contains(UPDATE_PASSWORD)) {
            return Optional.empty(); // provisional, or already expired: the next sign-in asks for a new one
        }
        Instant expiry = noticed(created.get().plus(maxAge),
                notices.firstSentAt(row.id(), "password", created.get()).orElse(now));
        int stage = stage(now, expiry);
        if (stage < 0 || notices.sent(row.id(), "password", created.get(), stage)) {
            return Optional.empty();
        }
        notices.record(row.id(), "password", created.get(), stage, now);
        if (stage == 0) {
            identity.run(() -> {
                var resource = identity.realm().users().get(id);
                UserRepresentation representation = resource.toRepresentation();
                List<String> required = new ArrayList<>(representation.getRequiredActions() == null ? List.of()
                        : representation.getRequiredActions());
                required.add(UPDATE_PASSWORD);
                representation.setRequiredActions(required);
                resource.update(representation);
            });
            audit.fire(AuditEvent.of(AuditAction.ADMIN_ACTION, JOB, row.username(), null, true,
                    "password expired"));
            mailer.send(row.address(), "Votre mot de passe a expiré",
                    ExpiryMails.passwordExpired(row.address()));
            LOG.info("Password of " + row.username() + " expired: a new one is asked at the next sign-in");
            return Optional.of(Outcome.PASSWORD_EXPIRED);
        }
        mailer.send(row.address(), ExpiryMails.passwordWarningSubject(stage),
                ExpiryMails.passwordWarning(row.address(), expiry.atZone(NightlySchedule.ZONE).format(DAY)));
        return Optional.of(Outcome.PASSWORD_WARNED);
    }

    /**
     * When a password expires: at {@code expiry}, but never sooner than {@link #MIN_NOTICE} after the first warning
     * about it was sent ({@code firstWarning}: now, when none was). A lifetime switched on for an academy whose
     * passwords are older than it, or nights the job did not run, thus warn first and expire two weeks later, as the
     * inactivity policy does, instead of forcing a change at the next sign-in without notice.
     */
    static Instant noticed(Instant expiry, Instant firstWarning) {
        Instant earliest = firstWarning.plus(MIN_NOTICE);
        return earliest.isAfter(expiry) ? earliest : expiry;
    }

    /**
     * The warning due at {@code now} for a password expiring at {@code expiry}: 15, 7 or 1 (the smallest stage not
     * below the days left, counted up), 0 at or after expiry, -1 when more than 15 days are left.
     */
    static int stage(Instant now, Instant expiry) {
        if (!now.isBefore(expiry)) {
            return 0;
        }
        long daysLeft = (Duration.between(now, expiry).toSeconds() + 86_399) / 86_400;
        int due = -1;
        for (int stage : STAGES) {
            if (daysLeft <= stage) {
                due = stage;
            }
        }
        return due;
    }

    private Optional<Outcome> inactivity(ExpiryAccounts.Row row, Duration policy, Duration warning, Instant now) {
        Instant last = row.lastActivity();
        Instant suspension = last.plus(policy);
        if (now.isBefore(suspension.minus(warning))) {
            return Optional.empty();
        }
        Optional<Instant> warned = notices.firstSentAt(row.id(), "inactivity", last);
        if (warned.isEmpty() && identity.findUser(row.username()).isEmpty()) {
            return Optional.empty(); // a system mailbox (no Keycloak user, nobody signs in as it): never suspended
        }
        if (warned.isEmpty()) {
            notices.record(row.id(), "inactivity", last, (int) warning.toDays(), now);
            Instant at = suspension.isBefore(now.plus(warning)) ? now.plus(warning) : suspension;
            mailer.send(row.address(), "Votre compte sera suspendu faute de connexion",
                    ExpiryMails.inactivityWarning(row.address(), last.atZone(NightlySchedule.ZONE).format(DAY),
                            at.atZone(NightlySchedule.ZONE).format(DAY)));
            return Optional.of(Outcome.INACTIVITY_WARNED);
        }
        if (now.isBefore(suspension) || now.isBefore(warned.get().plus(warning))) {
            return Optional.empty(); // warned: the owner keeps the whole notice period to sign in
        }
        if (!administration.suspendInactive(row.username(), JOB)) {
            return Optional.empty();
        }
        LOG.info("Account " + row.username() + " suspended: no sign-in since " + last);
        return Optional.of(Outcome.SUSPENDED);
    }
}
