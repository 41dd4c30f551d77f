package fr.preau.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.List;

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

    @Inject
    private AuditEntries entries;

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
        entries.append(new AuditEntry(event, ip));
    }

    /**
     * Writes one entry in the caller's transaction: it commits with the change it records, or not at all. For a
     * nightly job's unit of work that must be audited exactly once even when the server is killed between the commit
     * and an entry written after it (delegation-expiry, docs/adr/0105).
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void appendWithin(AuditEvent event) {
        entries.append(new AuditEntry(event, null));
    }

    /** A page of the caller's own entries (as actor or subject), newest first. */
    @RolesAllowed("user")
    public List<AuditEntry> mine(int offset, int limit) {
        return entries.of(caller(), Math.max(0, offset), Math.min(Math.max(1, limit), MAX_PAGE));
    }

    @RolesAllowed("user")
    public long countMine() {
        return entries.countOf(caller());
    }

    /** A page of every entry matching the criteria, newest first (administrators). */
    @RolesAllowed("admin")
    public List<AuditEntry> search(AuditQuery query, int offset, int limit) {
        return entries.matching(query, Math.max(0, offset), Math.min(Math.max(1, limit), MAX_PAGE));
    }

    @RolesAllowed("admin")
    public long count(AuditQuery query) {
        return entries.count(query);
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
            List<AuditEntry> page = entries.matchingDetached(query, written,
                    Math.min(EXPORT_PAGE, MAX_EXPORT - written));
            for (AuditEntry entry : page) {
                writer.write(AuditCsv.line(entry));
            }
            written += page.size();
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
        int deleted = entries.purgeOlderThan((int) days);
        // The purge itself is an administrative action of the system: it leaves its own line.
        entries.append(new AuditEntry(AuditEvent.of(AuditAction.ADMIN_ACTION, null, null, null, true,
                "audit-purge : " + deleted + " entrée(s) de plus de " + days + " jours supprimée(s)"), null));
        return deleted;
    }

    private String caller() {
        Principal principal = session.getCallerPrincipal();
        return principal == null ? "" : principal.getName();
    }
}
