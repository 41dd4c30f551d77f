package fr.preau.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of the audit log. Immutable: written once by {@link AuditLog#append}, never updated; the database
 * refuses UPDATE and DELETE to the portal's role, the retention purge aside (migrations V71 and V85).
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 40)
    private AuditAction action;

    @Column(updatable = false, length = 254)
    private String actor;

    @Column(updatable = false, length = 254)
    private String subject;

    @Column(updatable = false, length = 64)
    private String ip;

    @Column(nullable = false, updatable = false)
    private boolean success;

    @Column(updatable = false, length = 500)
    private String detail;

    protected AuditEntry() {
    }

    AuditEntry(AuditEvent event, String ip) {
        this.at = event.at() == null ? Instant.now() : event.at();
        this.action = event.action();
        this.actor = cut(event.actor(), 254);
        this.subject = cut(event.subject(), 254);
        this.ip = cut(ip, 64);
        this.success = event.success();
        this.detail = cut(event.detail(), 500);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public AuditAction getAction() {
        return action;
    }

    /** Who acted (username), {@code null} for the system. */
    public String getActor() {
        return actor;
    }

    public String getSubject() {
        return subject;
    }

    public String getIp() {
        return ip;
    }

    public boolean isSuccess() {
        return success;
    }

    public String getDetail() {
        return detail;
    }
}
