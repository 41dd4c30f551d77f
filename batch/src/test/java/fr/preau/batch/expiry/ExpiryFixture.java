package fr.preau.batch.expiry;

import java.time.Instant;

import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.settings.AcademySettings;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Accounts, settings and audit entries of the password-expiry tests, inside the server. */
@Stateless
@PermitAll
@RunAs("admin")
public class ExpiryFixture {
    @PersistenceContext
    private EntityManager em;

    @EJB
    private AcademySettings settings;

    @Inject
    private Event<AuditEvent> audit;

    /** An enabled, active account created {@code daysAgo} days ago, never signed in. */
    public void account(String username, String address, int daysAgo) {
        em.createNativeQuery("insert into account (username, address, display_name, quota_class, enabled, created_at)"
                + " values (?1, ?2, ?1, 'standard', true, now() - make_interval(days => ?3))"
                + " on conflict (username) do update set enabled = true, suspended_at = null,"
                + " created_at = excluded.created_at, last_sign_in_at = null, password_created_at = null")
                .setParameter(1, username).setParameter(2, address).setParameter(3, daysAgo).executeUpdate();
    }

    /** Sets an academy setting, or with null removes it. */
    public void setting(String name, String value) {
        settings.put(name, value);
    }

    /** A portal sign-in as {@code SignInAuditFilter} records it. */
    public void signedInToThePortal(String username) {
        audit.fire(AuditEvent.of(AuditAction.SIGN_IN, username, username, "127.0.0.1", true, "test"));
    }

    /** The account's last sign-in as PostgreSQL keeps it (null: never). */
    public Instant lastSignIn(String username) {
        Object at = em.createNativeQuery("select last_sign_in_at from account where username = ?1")
                .setParameter(1, username).getSingleResult();
        if (at instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return at instanceof java.time.OffsetDateTime o ? o.toInstant() : (Instant) at;
    }

    /** Who suspended the account (null: active). */
    public String suspendedBy(String username) {
        return (String) em.createNativeQuery("select suspended_by from account where username = ?1")
                .setParameter(1, username).getSingleResult();
    }

    /** Audit entries of this action by this actor about this account. */
    public long auditEntries(String actor, String subject, String detail) {
        return ((Number) em.createNativeQuery("select count(*) from audit_entry where actor = ?1 and subject = ?2"
                + " and detail = ?3").setParameter(1, actor).setParameter(2, subject).setParameter(3, detail)
                .getSingleResult()).longValue();
    }
}
