package fr.preau.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

/**
 * The rows of table {@code audit_entry} ({@link AuditEntry}): appended, read newest first, and purged only through
 * the owner's database function {@code audit_purge} (migration V85). Whose entries a caller may read is
 * {@link AuditLog}'s decision.
 */
@ApplicationScoped
@Repository
public class AuditEntries {
    private static final String NEWEST_FIRST = " order by e.at desc, e.id desc";

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    public void append(AuditEntry entry) {
        em.persist(entry);
    }

    /** Entries where {@code username} acted or was concerned, newest first. */
    public List<AuditEntry> of(String username, int offset, int limit) {
        return em.createQuery("select e from AuditEntry e where e.actor = :me or e.subject = :me" + NEWEST_FIRST,
                AuditEntry.class).setParameter("me", username).setFirstResult(offset).setMaxResults(limit)
                .getResultList();
    }

    public long countOf(String username) {
        return em.createQuery("select count(e) from AuditEntry e where e.actor = :me or e.subject = :me", Long.class)
                .setParameter("me", username).getSingleResult();
    }

    /** Entries matching the criteria, newest first. */
    public List<AuditEntry> matching(AuditQuery query, int offset, int limit) {
        TypedQuery<AuditEntry> q = em.createQuery("select e from AuditEntry e" + where(query) + NEWEST_FIRST,
                AuditEntry.class);
        bind(q, query);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long count(AuditQuery query) {
        TypedQuery<Long> q = em.createQuery("select count(e) from AuditEntry e" + where(query), Long.class);
        bind(q, query);
        return q.getSingleResult();
    }

    /**
     * As {@link #matching}, the entries then detached: a long export reads page after page without keeping every
     * entry in the persistence context.
     */
    public List<AuditEntry> matchingDetached(AuditQuery query, int offset, int limit) {
        List<AuditEntry> page = matching(query, offset, limit);
        em.clear();
        return page;
    }

    /** Deletes the entries older than {@code days} through {@code audit_purge}; how many went. */
    public int purgeOlderThan(int days) {
        return ((Number) em.createNativeQuery("select audit_purge(cast(?1 as integer))").setParameter(1, days)
                .getSingleResult()).intValue();
    }

    private static String where(AuditQuery query) {
        List<String> clauses = new ArrayList<>();
        if (query.user() != null && !query.user().isBlank()) {
            clauses.add("(lower(e.actor) = :user or lower(e.subject) = :user)");
        }
        if (query.action() != null) {
            clauses.add("e.action = :action");
        }
        if (query.from() != null) {
            clauses.add("e.at >= :from");
        }
        if (query.to() != null) {
            clauses.add("e.at < :to");
        }
        if (query.success() != null) {
            clauses.add("e.success = :success");
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private static void bind(TypedQuery<?> q, AuditQuery query) {
        if (query.user() != null && !query.user().isBlank()) {
            q.setParameter("user", query.user().strip().toLowerCase(Locale.ROOT));
        }
        if (query.action() != null) {
            q.setParameter("action", query.action());
        }
        if (query.from() != null) {
            q.setParameter("from", query.from());
        }
        if (query.to() != null) {
            q.setParameter("to", query.to());
        }
        if (query.success() != null) {
            q.setParameter("success", query.success());
        }
    }
}
