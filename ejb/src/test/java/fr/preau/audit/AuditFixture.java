package fr.preau.audit;

import java.time.Instant;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Fires audit events the way other features do (inside their transaction), and pokes at the table directly. */
@Stateless
@PermitAll
public class AuditFixture {
    @Inject
    private Event<AuditEvent> audit;

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    @EJB
    private AuditLog auditLog;

    /** Fires the event inside this (committed) transaction. */
    public void fire(AuditEvent event) {
        audit.fire(event);
    }

    /** Fires the event, then fails: the business transaction rolls back. */
    public void fireThenFail(AuditEvent event) {
        audit.fire(event);
        throw new IllegalStateException("the business action failed after firing " + event.action());
    }

    /** An entry dated in the past, as if written then (inserting is what the log allows). */
    public void insertDated(String actor, Instant at) {
        em.createNativeQuery("insert into audit_entry (at, action, actor, subject, ip, success, detail) "
                + "values (?1, 'SIGN_IN', ?2, ?2, '192.0.2.1', true, 'old')")
                .setParameter(1, at).setParameter(2, actor).executeUpdate();
    }

    public int updateAll(String actor) {
        return em.createNativeQuery("update audit_entry set success = false where actor = ?1")
                .setParameter(1, actor).executeUpdate();
    }

    public int deleteAll(String actor) {
        return em.createNativeQuery("delete from audit_entry where actor = ?1").setParameter(1, actor)
                .executeUpdate();
    }

    public long countByActor(String actor) {
        return ((Number) em.createNativeQuery("select count(*) from audit_entry where actor = ?1")
                .setParameter(1, actor).getSingleResult()).longValue();
    }

    public int purge() {
        return auditLog.purgeExpired();
    }
}
