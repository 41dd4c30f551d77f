package fr.preau.agenda;

import java.time.Instant;
import java.util.Optional;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The rows of {@code agenda_subscription} (migration V200): a calendar's subscription token, as its SHA-256. */
@ApplicationScoped
@Repository
public class SubscriptionRows {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** Sets (or replaces) the calendar's token hash. */
    public void put(long calendar, String tokenHash) {
        em.createNativeQuery("insert into agenda_subscription (calendar_id, token_hash) values (?1, ?2)"
                + " on conflict (calendar_id) do update set token_hash = excluded.token_hash, created_at = now()")
                .setParameter(1, calendar).setParameter(2, tokenHash).executeUpdate();
    }

    /** Removes the calendar's token. */
    public void remove(long calendar) {
        em.createNativeQuery("delete from agenda_subscription where calendar_id = ?1").setParameter(1, calendar)
                .executeUpdate();
    }

    /** When the calendar's current token was made, if it has one. */
    public Optional<Instant> since(long calendar) {
        return em.createNativeQuery("select created_at from agenda_subscription where calendar_id = ?1")
                .setParameter(1, calendar).getResultList().stream().findFirst().map(SubscriptionRows::instant);
    }

    /** The calendar of a token hash. */
    public Optional<Long> calendarOf(String tokenHash) {
        return em.createNativeQuery("select calendar_id from agenda_subscription where token_hash = ?1")
                .setParameter(1, tokenHash).getResultList().stream().findFirst()
                .map(r -> ((Number) r).longValue());
    }

    private static Instant instant(Object o) {
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        return (Instant) o;
    }
}
