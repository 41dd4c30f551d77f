package fr.preau.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import fr.preau.settings.AcademySettings;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

/**
 * The audit log (capability ID-7): append-only. Users read their own entries (as actor or subject), administrators
 * search all of them; the nightly job purges entries older than the academy's retention
 * ({@value #RETENTION_SETTING}, default {@value #DEFAULT_RETENTION_DAYS} days, at least
 * {@value #MIN_RETENTION_DAYS}). There is no other way to change or delete an entry, and the database refuses it
 * too: the portal's role may only read and insert rows of {@code audit_entry}; the purge goes through the owner's
 * function {@code audit_purge} (migration V85, docs/adr/0071).
 */
@Stateless
@ServiceBoundary
public class AuditLog {
    public static final String RETENTION_SETTING = "audit.retention-days";
    public static final int DEFAULT_RETENTION_DAYS = 365;
    /** The shortest retention the database's {@code audit_purge} accepts (six months). */
    public static final int MIN_RETENTION_DAYS = 180;
    /** The longest one (100 years). */
    static final int MAX_RETENTION_DAYS = 36_500;
    static final int MAX_PAGE = 200;
    /** The most entries one CSV export holds. */
    public static final int MAX_EXPORT = 100_000;
    private static final int EXPORT_PAGE = 1000;

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    @Resource
    private SessionContext session;

    @EJB
    private AcademySettings settings;

    @Inject
    private Event<AuditEvent> audit;

    /** Writes one entry in its own transaction (called by {@link AuditRecorder}, the only writer). */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void append(AuditEvent event, String ip) {
        em.persist(new AuditEntry(event, ip));
    }

    /** A page of the caller's own entries (as actor or subject), newest first. */
    @RolesAllowed("user")
    public List<AuditEntry> mine(int offset, int limit) {
        return em.createQuery("select e from AuditEntry e where e.actor = :me or e.subject = :me "
                + "order by e.at desc, e.id desc", AuditEntry.class)
                .setParameter("me", caller()).setFirstResult(Math.max(0, offset))
                .setMaxResults(Math.min(Math.max(1, limit), MAX_PAGE)).getResultList();
    }

    @RolesAllowed("user")
    public long countMine() {
        return em.createQuery("select count(e) from AuditEntry e where e.actor = :me or e.subject = :me", Long.class)
                .setParameter("me", caller()).getSingleResult();
    }

    /** A page of every entry matching the criteria, newest first (administrators). */
    @RolesAllowed("admin")
    public List<AuditEntry> search(AuditQuery query, int offset, int limit) {
        TypedQuery<AuditEntry> q = em.createQuery("select e from AuditEntry e" + where(query)
                + " order by e.at desc, e.id desc", AuditEntry.class);
        bind(q, query);
        return q.setFirstResult(Math.max(0, offset)).setMaxResults(Math.min(Math.max(1, limit), MAX_PAGE))
                .getResultList();
    }

    @RolesAllowed("admin")
    public long count(AuditQuery query) {
        TypedQuery<Long> q = em.createQuery("select count(e) from AuditEntry e" + where(query), Long.class);
        bind(q, query);
        return q.getSingleResult();
    }

    /**
     * Every entry matching the criteria, newest first, written to {@code out} as CSV ({@link AuditCsv}), at most
     * {@value #MAX_EXPORT} (the newest): an export is a document for a review, not a backup. The export itself is
     * audited ({@link AuditAction#ADMIN_ACTION}, detail {@code audit export} and the count).
     *
     * @return how many entries were written
     * @throws IOException the output failed (the browser went away)
     */
    @RolesAllowed("admin")
    public int export(AuditQuery query, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(AuditCsv.BOM);
        writer.write(AuditCsv.HEADER);
        int written = 0;
        while (written < MAX_EXPORT) {
            TypedQuery<AuditEntry> q = em.createQuery("select e from AuditEntry e" + where(query)
                    + " order by e.at desc, e.id desc", AuditEntry.class);
            bind(q, query);
            List<AuditEntry> page = q.setFirstResult(written)
                    .setMaxResults(Math.min(EXPORT_PAGE, MAX_EXPORT - written)).getResultList();
            for (AuditEntry entry : page) {
                writer.write(AuditCsv.line(entry));
            }
            written += page.size();
            em.clear();
            if (page.size() < EXPORT_PAGE) {
                break;
            }
        }
        writer.flush();
        audit.fire(AuditEvent.of(AuditAction.ADMIN_ACTION, caller(), null, null, true,
                "audit export: " + written + " entries"));
        return written;
    }

    /**
     * The retention of the academy: entries older than this are purged each night. A setting below
     * {@value #MIN_RETENTION_DAYS} days counts as {@value #MIN_RETENTION_DAYS}.
     */
    @PermitAll
    public Duration retention() {
        int days = settings.integer(RETENTION_SETTING, DEFAULT_RETENTION_DAYS);
        return Duration.ofDays(Math.min(MAX_RETENTION_DAYS, Math.max(MIN_RETENTION_DAYS, days)));
    }

    /**
     * Deletes the entries older than the retention; the only delete path, used by the nightly job
     * {@code audit-purge}. The database does the deleting (function {@code audit_purge}, owned by the schema's owner,
     * on the database's clock), and records the purge as an ADMIN_ACTION of the system (no actor).
     *
     * Only the nightly job calls it (role {@code batch}, docs/adr/0091).
     *
     * @return how many entries were deleted
     */
    @RolesAllowed("batch")
    public int purgeExpired() {
        long days = retention().toDays();
        int deleted = ((Number) em.createNativeQuery("select audit_purge(cast(?1 as integer))")
                .setParameter(1, (int) days).getSingleResult()).intValue();
        // The purge itself is an administrative action of the system: it leaves its own line.
        em.persist(new AuditEntry(AuditEvent.of(AuditAction.ADMIN_ACTION, null, null, null, true,
                "audit-purge : " + deleted + " entrée(s) de plus de " + days + " jours supprimée(s)"), null));
        return deleted;
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

    private String caller() {
        Principal principal = session.getCallerPrincipal();
        return principal == null ? "" : principal.getName();
    }
}
