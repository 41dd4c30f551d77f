package fr.preau.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.preau.account.Account;
import fr.preau.account.AccountService;
import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxAccess;
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
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The accounts page (issue 11, item 1; docs/adr/0090-…): search, suspend, reactivate and change the quota class of
 * the accounts the caller manages ({@link AdministeredAccounts}); creation and provisional passwords are
 * {@link ProvisionalAccountService}'s. Every change is audited ({@link AuditAction#ADMIN_ACTION}, the change in
 * the detail), and a change refused (bad input, another establishment) changes nothing.
 */
@Stateless
@ServiceBoundary
@RolesAllowed({"admin", "etab-admin"})
public class AccountAdministration {
    /** Largest page the accounts page asks for. */
    public static final int MAX_PAGE = 200;
    static final String SUSPENDED = "suspended";
    static final String REACTIVATED = "reactivated";
    private static final Logger LOG = Logger.getLogger(AccountAdministration.class.getName());

    @Resource
    private SessionContext context;

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    @Inject
    private IdentityServer identity;

    @EJB
    private AdministeredAccounts scope;

    @EJB
    private SessionRevocations revocations;

    @EJB
    private AccountService accounts;

    @EJB
    private MailboxAccess access;

    @Inject
    private Mailbox mailbox;

    @Inject
    private Event<AuditEvent> audit;

    /** One page of the accounts the caller manages that match, by identifier. */
    public List<AccountRow> search(AccountQuery query, int offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = where(query, parameters);
        Query q = em.createNativeQuery("select a.username, a.address, a.display_name, a.establishment_uai, e.name,"
                + " a.quota_class, qc.label, a.suspended_at from account a"
                + " left join establishment e on e.uai = a.establishment_uai"
                + " join quota_class qc on qc.code = a.quota_class" + where + " order by a.username"
                + " offset " + Math.max(0, offset) + " limit " + Math.max(1, Math.min(MAX_PAGE, limit)));
        bind(q, parameters);
        List<AccountRow> rows = new ArrayList<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            rows.add(new AccountRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6], instant(r[7])));
        }
        return rows;
    }

    /** How many accounts the caller manages match. */
    public long count(AccountQuery query) {
        List<Object> parameters = new ArrayList<>();
        Query q = em.createNativeQuery("select count(*) from account a" + where(query, parameters));
        bind(q, parameters);
        return ((Number) q.getSingleResult()).longValue();
    }

    /** The establishments the caller may choose, by name. */
    @SuppressWarnings("unchecked")
    public List<Choice> establishments() {
        Optional<Set<String>> own = scope.establishments();
        List<Object[]> rows = em.createNativeQuery("select uai, name || ' (' || town || ')' from establishment"
                + " order by name, uai").getResultList();
        return rows.stream().filter(r -> own.isEmpty() || own.get().contains((String) r[0]))
                .map(r -> new Choice((String) r[0], (String) r[1])).toList();
    }

    /** The quota classes, by label. */
    @SuppressWarnings("unchecked")
    public List<Choice> quotaClasses() {
        List<Object[]> rows = em.createNativeQuery("select code, label from quota_class order by label")
                .getResultList();
        return rows.stream().map(r -> new Choice((String) r[0], (String) r[1])).toList();
    }

    /**
     * Suspends an account: its Keycloak user is disabled (no portal sign-in), its sessions end, IMAP, submission and
     * ManageSieve refuse it from the next login (views of migration V90); its mail is still delivered.
     *
     * @throws InvalidInputException already suspended, the caller's own account, outside the caller's scope
     */
    public void suspend(String username) {
        Account account = scope.managed(username, "admin.accounts.administrator");
        if (account.getUsername().equals(caller())) {
            throw new InvalidInputException("username", "admin.accounts.self", account.getUsername());
        }
        if (!suspend(account, caller())) {
            throw new InvalidInputException("username", "admin.accounts.alreadySuspended", account.getUsername());
        }
    }

    /**
     * Suspends an account that signed in nowhere for longer than the academy's inactivity policy, as
     * {@link #suspend} does, with the nightly job {@code actor} as the actor (docs/adr/0095). Only the jobs call it.
     *
     * @return false when the account is gone or already suspended (nothing changed)
     */
    @RolesAllowed("batch")
    public boolean suspendInactive(String username, String actor) {
        return accounts.findEnabled(username).map(account -> suspend(account, actor)).orElse(false);
    }

    /** The suspension itself, for the page and the job: false when the account was already suspended. */
    private boolean suspend(Account account, String actor) {
        int changed = em.createNativeQuery("update account set suspended_at = now(), suspended_by = ?2"
                + " where id = ?1 and suspended_at is null")
                .setParameter(1, account.getId()).setParameter(2, actor).executeUpdate();
        if (changed == 0) {
            return false;
        }
        enableInKeycloak(account.getUsername(), false);
        revocations.revoke(identity.endSessions(account.getUsername()));
        endMailSessions(account.getAddress());
        audit.fire(AuditEvent.of(AuditAction.ADMIN_ACTION, actor, account.getUsername(), null, true, SUSPENDED));
        return true;
    }

    /**
     * Dovecot closes the IMAP and ManageSieve sessions still open (doveadm kick, docs/adr/0095). A store that does
     * not answer has no session to close: the suspension stands, and new logins are refused anyway.
     */
    private void endMailSessions(String address) {
        try {
            access.forAdministration(address).ifPresent(mailbox::endSessions);
        } catch (ServiceUnavailableException e) {
            LOG.log(Level.WARNING, "open mail sessions of " + address + " not ended", e);
        }
    }

    /** Lets a suspended account sign in again, with the password it had. */
    public void reactivate(String username) {
        Account account = scope.managed(username, "admin.accounts.administrator");
        int changed = em.createNativeQuery("update account set suspended_at = null, suspended_by = null"
                + " where id = ?1 and suspended_at is not null")
                .setParameter(1, account.getId()).executeUpdate();
        if (changed == 0) {
            throw new InvalidInputException("username", "admin.accounts.notSuspended", account.getUsername());
        }
        enableInKeycloak(account.getUsername(), true);
        audit.fire(AuditEvent.of(AuditAction.ADMIN_ACTION, caller(), account.getUsername(), null, true,
                REACTIVATED));
    }

    /**
     * Gives an account another quota class: Dovecot reads the storage quota from PostgreSQL at each login (view
     * mail_server_userdb), compose the attachment limit at each send.
     */
    public void changeQuotaClass(String username, String quotaClass) {
        Account account = scope.managed(username, "admin.accounts.administrator");
        String code = quotaClass == null ? "" : quotaClass.trim().toLowerCase(Locale.ROOT);
        scope.checkQuotaClass(code);
        if (code.equals(account.getQuotaClass())) {
            return;
        }
        em.createNativeQuery("update account set quota_class = ?2 where id = ?1")
                .setParameter(1, account.getId()).setParameter(2, code).executeUpdate();
        audit.fire(AuditEvent.of(AuditAction.ADMIN_ACTION, caller(), account.getUsername(), null, true,
                "quota class " + account.getQuotaClass() + " -> " + code));
    }

    private void enableInKeycloak(String username, boolean enabled) {
        identity.run(() -> {
            var resource = identity.userResource(username);
            UserRepresentation user = resource.toRepresentation();
            user.setEnabled(enabled);
            resource.update(user);
        });
    }

    private String where(AccountQuery query, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" where a.enabled");
        Optional<Set<String>> own = scope.establishments();
        if (own.isPresent()) {
            if (own.get().isEmpty()) {
                return " where false";
            }
            parameters.add(String.join(",", own.get()));
            where.append(" and a.establishment_uai = any (string_to_array(?").append(parameters.size())
                    .append(", ','))");
        }
        if (query == null) {
            return where.toString();
        }
        String text = query.text() == null ? "" : query.text().trim().toLowerCase(Locale.ROOT);
        if (!text.isEmpty()) {
            parameters.add("%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            int p = parameters.size();
            where.append(" and (lower(a.display_name) like ?").append(p).append(" or a.username like ?").append(p)
                    .append(" or a.address like ?").append(p).append(')');
        }
        if (query.establishmentUai() != null && !query.establishmentUai().isBlank()) {
            parameters.add(query.establishmentUai().trim());
            where.append(" and a.establishment_uai = ?").append(parameters.size());
        }
        if (query.status() == AccountQuery.Status.ACTIVE) {
            where.append(" and a.suspended_at is null");
        } else if (query.status() == AccountQuery.Status.SUSPENDED) {
            where.append(" and a.suspended_at is not null");
        }
        return where.toString();
    }

    private static void bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof Instant i ? i : null;
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
