package fr.preau.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import fr.preau.shared.Repository;
import fr.preau.shared.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The rows of table {@code account_notice}: each warning mail of the nightly job {@code password-expiry}, recorded
 * before it is sent (kind {@code password} or {@code inactivity}, the instant it is about, its stage), so that a
 * second run mails nothing twice.
 */
@ApplicationScoped
@Repository
public class AccountNotices {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** Whether a notice of this stage, or of a more urgent one (a smaller stage), was recorded. */
    public boolean sent(long account, String kind, Instant reference, int stage) {
        return !em.createNativeQuery("select 1 from account_notice where account_id = ?1 and kind = ?2"
                + " and reference = ?3 and stage <= ?4").setParameter(1, account).setParameter(2, kind)
                .setParameter(3, ExpiryAccounts.utc(reference)).setParameter(4, stage).getResultList().isEmpty();
    }

    /** When the first notice of this kind about {@code reference} was sent. */
    public Optional<Instant> firstSentAt(long account, String kind, Instant reference) {
        List<?> rows = em.createNativeQuery("select min(sent_at) from account_notice where account_id = ?1"
                + " and kind = ?2 and reference = ?3").setParameter(1, account).setParameter(2, kind)
                .setParameter(3, ExpiryAccounts.utc(reference)).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? Optional.empty()
                : Optional.of(SqlTimes.instant(rows.get(0)));
    }

    /** Records a notice (nothing if that one was recorded already). */
    public void record(long account, String kind, Instant reference, int stage, Instant sentAt) {
        em.createNativeQuery("insert into account_notice (account_id, kind, reference, stage, sent_at)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing").setParameter(1, account)
                .setParameter(2, kind).setParameter(3, ExpiryAccounts.utc(reference)).setParameter(4, stage)
                .setParameter(5, ExpiryAccounts.utc(sentAt)).executeUpdate();
    }
}
