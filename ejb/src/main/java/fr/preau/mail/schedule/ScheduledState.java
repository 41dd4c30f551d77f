package fr.preau.mail.schedule;

/** Where a scheduled message stands (column {@code scheduled_message.state}, V50). */
public enum ScheduledState {
    /** Waiting for its time; the user may still edit or cancel it. */
    PLANNED,
    /** Claimed by the sender; maybe accepted by SMTP already ({@code submitted_at}). */
    SENDING,
    /** Accepted by SMTP and copied to Envoyés. */
    SENT,
    /** Cancelled by the user. */
    CANCELLED,
    /** Refused by the SMTP server (bad recipient, too large): kept for the user to correct. */
    FAILED
}
