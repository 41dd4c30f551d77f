package fr.preau.agenda;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.preau.shared.Repository;
import fr.preau.shared.SqlTimes;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The rows of {@code agenda_reminder} and {@code agenda_reminder_sent} (migration V215, docs/adr/0111). Decides
 * nothing: {@link Reminders} checks who may set a reminder, {@link ReminderSender} when one falls. Each call joins the
 * caller's transaction, or (from the sender, which runs none) commits on its own.
 */
@Stateless
@Repository
@PermitAll
public class ReminderRows {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** An event whose object changed since its next reminder was computed. */
    public record Stale(long eventId, int minutes, String ical, long revision) {
    }

    /** A reminder whose time has come, with the object and owner it is computed from. */
    public record Pending(long eventId, long accountId, String address, String name, int minutes,
            LocalDateTime occurrence, Instant due, String ical, long revision) {
    }

    /** A reminder a sender holds until it marks it: what to submit, and how far a previous attempt may have got. */
    public record Claim(long eventId, LocalDateTime occurrence, Instant due, String messageId, byte[] mime,
            int attempts) {
    }

    /** The minutes before of event {@code eventId}'s reminder, if it has one. */
    public Optional<Integer> minutes(long eventId) {
        List<?> rows = em.createNativeQuery("select minutes_before from agenda_reminder where event_id = ?1")
                .setParameter(1, eventId).getResultList();
        return rows.stream().findFirst().map(n -> ((Number) n).intValue());
    }

    /** Sets the reminder of an event with its next occurrence to remind ({@code due} null: none left). */
    public void set(long eventId, long accountId, int minutes, long revision, LocalDateTime occurrence, Instant due) {
        em.createNativeQuery("insert into agenda_reminder (event_id, account_id, minutes_before, event_revision,"
                + " next_occurrence, next_due) values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (event_id) do update set"
                + " minutes_before = excluded.minutes_before, event_revision = excluded.event_revision,"
                + " next_occurrence = excluded.next_occurrence, next_due = excluded.next_due, updated_at = now()")
                .setParameter(1, eventId).setParameter(2, accountId).setParameter(3, minutes)
                .setParameter(4, revision).setParameter(5, local(occurrence)).setParameter(6, timestamp(due))
                .executeUpdate();
    }

    /** Removes the reminder of an event. */
    public void clear(long eventId) {
        em.createNativeQuery("delete from agenda_reminder where event_id = ?1").setParameter(1, eventId)
                .executeUpdate();
    }

    /** The reminders whose event changed since their next occurrence was computed. */
    public List<Stale> stale(int limit) {
        List<Stale> out = new ArrayList<>();
        for (Object o : em.createNativeQuery("select r.event_id, r.minutes_before, e.ical, e.revision"
                + " from agenda_reminder r join agenda_event e on e.id = r.event_id"
                + " where r.event_revision <> e.revision limit ?1").setParameter(1, limit).getResultList()) {
            Object[] r = (Object[]) o;
            out.add(new Stale(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), (String) r[2],
                    ((Number) r[3]).longValue()));
        }
        return out;
    }

    /**
     * The next occurrence of a reminder, computed from the object at {@code revision}; written only if the reminder
     * still names {@code previous} (null: whatever it names), so two computations never undo each other.
     */
    public boolean plan(long eventId, LocalDateTime previous, long revision, LocalDateTime occurrence, Instant due) {
        var q = em.createNativeQuery("update agenda_reminder set event_revision = ?2, next_occurrence = ?3,"
                + " next_due = ?4, updated_at = now() where event_id = ?1"
                + (previous == null ? "" : " and next_occurrence = ?5")).setParameter(1, eventId)
                .setParameter(2, revision).setParameter(3, local(occurrence)).setParameter(4, timestamp(due));
        if (previous != null) {
            q.setParameter(5, local(previous));
        }
        return q.executeUpdate() == 1;
    }

    /** Reminders due at {@code now} whose object has not changed since they were computed, oldest first. */
    public List<Pending> due(Instant now, int limit) {
        List<Pending> out = new ArrayList<>();
        for (Object o : em.createNativeQuery("select r.event_id, r.account_id, a.address, a.display_name,"
                + " r.minutes_before, r.next_occurrence, r.next_due, e.ical, e.revision from agenda_reminder r"
                + " join agenda_event e on e.id = r.event_id join account a on a.id = r.account_id"
                + " where r.next_due <= ?1 and r.event_revision = e.revision order by r.next_due limit ?2")
                .setParameter(1, Timestamp.from(now)).setParameter(2, limit).getResultList()) {
            Object[] r = (Object[]) o;
            out.add(new Pending(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                    (String) r[3], ((Number) r[4]).intValue(), wallClock(r[5]),
                    SqlTimes.instant(r[6]), (String) r[7], ((Number) r[8]).longValue()));
        }
        return out;
    }

    /**
     * Claims the reminder of one occurrence for a first attempt: false when a row exists already (sent, or held by
     * a sender), which is what makes it once per occurrence.
     */
    public boolean claim(long eventId, LocalDateTime occurrence, long accountId, Instant due, String messageId,
            byte[] mime, String claimant, Instant now) {
        return em.createNativeQuery("insert into agenda_reminder_sent (event_id, occurrence, account_id, due_at,"
                + " message_id, mime, state, claimed_by, claimed_at) values (?1, ?2, ?3, ?4, ?5, ?6, 'SENDING', ?7, ?8)"
                + " on conflict do nothing").setParameter(1, eventId).setParameter(2, local(occurrence))
                .setParameter(3, accountId).setParameter(4, Timestamp.from(due)).setParameter(5, messageId)
                .setParameter(6, mime).setParameter(7, claimant).setParameter(8, Timestamp.from(now))
                .executeUpdate() == 1;
    }

    /**
     * Claims again up to {@code limit} reminders held longer than {@code lease} (their sender died), skipping those
     * another sender holds; each counts one more attempt.
     */
    public List<Claim> expired(String claimant, Instant now, Duration lease, int limit) {
        List<Claim> out = new ArrayList<>();
        for (Object o : em.createNativeQuery("select event_id, occurrence, due_at, message_id, mime, attempts + 1"
                + " from agenda_reminder_sent where state = 'SENDING' and claimed_at < ?1 order by claimed_at"
                + " limit ?2 for update skip locked").setParameter(1, Timestamp.from(now.minus(lease)))
                .setParameter(2, limit).getResultList()) {
            Object[] r = (Object[]) o;
            Claim c = new Claim(((Number) r[0]).longValue(), wallClock(r[1]),
                    SqlTimes.instant(r[2]), (String) r[3], (byte[]) r[4], ((Number) r[5]).intValue());
            em.createNativeQuery("update agenda_reminder_sent set claimed_by = ?3, claimed_at = ?4,"
                    + " attempts = attempts + 1 where event_id = ?1 and occurrence = ?2").setParameter(1, c.eventId())
                    .setParameter(2, local(c.occurrence())).setParameter(3, claimant)
                    .setParameter(4, Timestamp.from(now)).executeUpdate();
            out.add(c);
        }
        return out;
    }

    /** Ends a claim: SENT, SKIPPED (too late) or FAILED (refused for good). */
    public void finish(long eventId, LocalDateTime occurrence, String state, Instant now) {
        em.createNativeQuery("update agenda_reminder_sent set state = ?3, sent_at = ?4 where event_id = ?1"
                + " and occurrence = ?2").setParameter(1, eventId).setParameter(2, local(occurrence))
                .setParameter(3, state).setParameter(4, Timestamp.from(now)).executeUpdate();
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Timestamp local(LocalDateTime t) {
        return t == null ? null : Timestamp.valueOf(t);
    }

    /** A {@code timestamp} (wall clock) column read by a native query. */
    private static LocalDateTime wallClock(Object value) {
        return value instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
    }
}
