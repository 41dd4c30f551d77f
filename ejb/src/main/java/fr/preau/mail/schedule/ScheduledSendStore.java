package fr.preau.mail.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import fr.preau.account.Account;
import fr.preau.shared.Repository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The sender's steps of the state machine of ADR 0050, each committed on its own (REQUIRES_NEW) so that what is
 * written survives a crash right after it. Not a service for pages: no caller identity, only ids the sender claimed.
 */
@Stateless
@Repository
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ScheduledSendStore {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** A row the sender owns until it marks it: what to send, as whom, and how far a previous attempt got. */
    public record Claim(long id, long accountId, String messageId, byte[] mime, int attempts, boolean submitted) {
    }

    /**
     * Claims up to {@code limit} due messages: PLANNED ones whose time has come, and SENDING ones whose claim is
     * older than {@code lease} (their sender died). Rows another sender holds are skipped, never waited for.
     */
    public List<Claim> claimDue(String claimant, Duration lease, int limit) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from scheduled_message"
                        + " where (state = 'PLANNED' and due_at <= now())"
                        + " or (state = 'SENDING' and claimed_at < now() - make_interval(secs => ?1))"
                        + " order by due_at limit ?2 for update skip locked")
                .setParameter(1, (double) lease.toSeconds()).setParameter(2, limit).getResultList();
        List<Claim> claims = new ArrayList<>();
        for (Number n : ids) {
            long id = n.longValue();
            em.createNativeQuery("update scheduled_message set state = 'SENDING', claimed_at = now(),"
                            + " claimed_by = ?1, attempts = attempts + 1, updated_at = now() where id = ?2")
                    .setParameter(1, claimant).setParameter(2, id).executeUpdate();
            Object[] row = (Object[]) em.createNativeQuery("select account_id, message_id, mime, attempts,"
                    + " submitted_at is not null from scheduled_message where id = ?1").setParameter(1, id)
                    .getSingleResult();
            claims.add(new Claim(id, ((Number) row[0]).longValue(), (String) row[1], (byte[]) row[2],
                    ((Number) row[3]).intValue(), (Boolean) row[4]));
        }
        return claims;
    }

    /**
     * The Message-IDs of the messages in doubt: claimed, not marked submitted. Their copies in the evidence mailbox
     * (ADR 0083) are what a recovery reads; the purge keeps them.
     */
    public Set<String> inDoubt() {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("select message_id from scheduled_message"
                + " where state = 'SENDING' and submitted_at is null"
                // The agenda's reminders use the same evidence mailbox (docs/adr/0111).
                + " union select message_id from agenda_reminder_sent where state = 'SENDING'").getResultList();
        return Set.copyOf(ids);
    }

    /** The sent marker: SMTP accepted the message. Written right after the server's answer. */
    public void markSubmitted(long id) {
        update("update scheduled_message set submitted_at = now(), updated_at = now()"
                + " where id = ?1 and state = 'SENDING'", id, null);
    }

    public void markSent(long id) {
        update("update scheduled_message set state = 'SENT', sent_at = now(), last_error = null,"
                + " submitted_at = coalesce(submitted_at, now()), updated_at = now()"
                + " where id = ?1 and state = 'SENDING'", id, null);
    }

    /** SMTP refused it for good: kept, with the reason, for the user to correct. */
    public void markFailed(long id, String error) {
        update("update scheduled_message set state = 'FAILED', last_error = ?2, updated_at = now()"
                + " where id = ?1 and state = 'SENDING' and submitted_at is null", id, error);
    }

    /** The servers did not answer before SMTP accepted it: back to PLANNED, tried again at the next tick. */
    public void release(long id, String error) {
        update("update scheduled_message set state = 'PLANNED', claimed_at = null, claimed_by = null,"
                + " last_error = ?2, updated_at = now() where id = ?1 and state = 'SENDING' and submitted_at is null",
                id, error);
    }

    private void update(String sql, long id, String error) {
        var query = em.createNativeQuery(sql).setParameter(1, id);
        if (error != null) {
            query.setParameter(2, error.length() > 500 ? error.substring(0, 500) : error);
        }
        query.executeUpdate();
    }

    /** Whether the account is suspended (docs/adr/0090): nothing leaves under its name. */
    public boolean suspended(long accountId) {
        return !em.createNativeQuery("select 1 from account where id = ?1 and suspended_at is not null")
                .setParameter(1, accountId).getResultList().isEmpty();
    }

    /** The address of the account, unless it is gone or disabled. */
    public Optional<String> enabledAddress(long accountId) {
        Account account = em.find(Account.class, accountId);
        return account == null || !account.isEnabled() ? Optional.empty()
                : Optional.of(account.getAddress());
    }
}
