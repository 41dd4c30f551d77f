package fr.preau.mail.schedule;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message waiting for its time (table {@code scheduled_message}, V50). */
@Entity
@Table(name = "scheduled_message")
public class ScheduledMessage {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "message_id", nullable = false)
    private String messageId;

    @Column(name = "due_at", nullable = false)
    private OffsetDateTime dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ScheduledState state = ScheduledState.PLANNED;

    @Column(name = "to_text", nullable = false)
    private String toText;

    @Column(name = "cc_text", nullable = false)
    private String ccText;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private byte[] mime;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt = OffsetDateTime.now();

    protected ScheduledMessage() {
    }

    ScheduledMessage(long accountId) {
        this.accountId = accountId;
    }

    /** Replaces the content and the time; back to PLANNED with no error. */
    void plan(String newMessageId, OffsetDateTime due, String to, String cc, String newSubject, String newBody,
            byte[] newMime) {
        this.messageId = newMessageId;
        this.dueAt = due;
        this.toText = to;
        this.ccText = cc == null ? "" : cc;
        this.subject = newSubject == null ? "" : newSubject;
        this.body = newBody == null ? "" : newBody;
        this.mime = newMime;
        this.state = ScheduledState.PLANNED;
        this.attempts = 0;
        this.lastError = null;
        this.updatedAt = OffsetDateTime.now();
    }

    void cancel() {
        this.state = ScheduledState.CANCELLED;
        this.updatedAt = OffsetDateTime.now();
    }

    public Long getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getMessageId() {
        return messageId;
    }

    public OffsetDateTime getDueAt() {
        return dueAt;
    }

    public ScheduledState getState() {
        return state;
    }

    public String getToText() {
        return toText;
    }

    public String getCcText() {
        return ccText;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public byte[] getMime() {
        return mime;
    }

    public int getAttempts() {
        return attempts;
    }

    public OffsetDateTime getSubmittedAt() {
        return submittedAt;
    }

    public OffsetDateTime getSentAt() {
        return sentAt;
    }

    public String getLastError() {
        return lastError;
    }
}
