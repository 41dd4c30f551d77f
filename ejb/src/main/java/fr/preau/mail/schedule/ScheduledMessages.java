package fr.preau.mail.schedule;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * The rows of {@link ScheduledSendService}, in the caller's transaction (the sender's own claims and markers are
 * {@link ScheduledSendStore}'s, each in a transaction of its own).
 */
@ApplicationScoped
@Repository
public class ScheduledMessages {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** Stores a new row; returns its id. */
    public long add(ScheduledMessage row) {
        em.persist(row);
        em.flush();
        return row.getId();
    }

    /** The account's row with that id; empty when there is none or it is someone else's. */
    public Optional<ScheduledMessage> ofAccount(long id, long account) {
        ScheduledMessage row = em.find(ScheduledMessage.class, id);
        return row == null || row.getAccountId() != account ? Optional.empty() : Optional.of(row);
    }

    /** The row locked until the transaction ends, as the database has it now. */
    public ScheduledMessage locked(ScheduledMessage row) {
        em.lock(row, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(row);
        return row;
    }

    /** The account's rows neither cancelled nor sent before {@code sentSince}, soonest first. */
    public List<ScheduledMessage> listed(long account, OffsetDateTime sentSince) {
        return em.createQuery("select m from ScheduledMessage m where m.accountId = :a and (m.state <> :cancelled)"
                        + " and (m.state <> :sent or m.sentAt > :recent) order by m.dueAt", ScheduledMessage.class)
                .setParameter("a", account).setParameter("cancelled", ScheduledState.CANCELLED)
                .setParameter("sent", ScheduledState.SENT).setParameter("recent", sentSince).getResultList();
    }
}
