package fr.preau.agenda;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The rows of {@code agenda_event} and {@code agenda_event_deleted} (migration V180). Decides nothing about who may
 * see or change them: {@link Agenda} does, and names the calendar in every change.
 */
@ApplicationScoped
@Repository
public class EventRows {
    private static final String SELECT = "select e.id, e.calendar_id, e.uid, e.ical, e.revision from agenda_event e";

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** Event {@code id}. */
    public Optional<EventRow> one(long id) {
        return list(em.createNativeQuery(SELECT + " where e.id = ?1").setParameter(1, id).getResultList()).stream()
                .findFirst();
    }

    /** The events of the calendars with an occurrence that may meet {@code [from, to)}, by first start. */
    public List<EventRow> meeting(Collection<Long> calendars, Instant from, Instant to) {
        if (calendars.isEmpty()) {
            return List.of();
        }
        return list(em.createNativeQuery(SELECT + " where e.calendar_id in (?1) and e.first_start < ?3"
                + " and (e.last_end is null or e.last_end > ?2) order by e.first_start, e.id")
                .setParameter(1, calendars).setParameter(2, Timestamp.from(from)).setParameter(3, Timestamp.from(to))
                .getResultList());
    }

    /** A new event; its id. */
    public long insert(long calendar, String uid, String ical, Instant firstStart, Instant lastEnd,
            boolean privateEvent, long token) {
        em.createNativeQuery("delete from agenda_event_deleted where calendar_id = ?1 and uid = ?2")
                .setParameter(1, calendar).setParameter(2, uid).executeUpdate();
        return ((Number) em.createNativeQuery("insert into agenda_event (calendar_id, uid, ical, first_start,"
                + " last_end, private, changed_token) values (?1, ?2, ?3, ?4, ?5, ?6, ?7) returning id")
                .setParameter(1, calendar).setParameter(2, uid).setParameter(3, ical)
                .setParameter(4, Timestamp.from(firstStart)).setParameter(5, timestamp(lastEnd))
                .setParameter(6, privateEvent).setParameter(7, token).getSingleResult()).longValue();
    }

    /** Replaces the object of event {@code id} of {@code calendar} (revision + 1); false when there is none. */
    public boolean update(long id, long calendar, String ical, Instant firstStart, Instant lastEnd,
            boolean privateEvent, long token) {
        return em.createNativeQuery("update agenda_event set ical = ?3, first_start = ?4, last_end = ?5,"
                + " private = ?6, changed_token = ?7, revision = revision + 1, updated_at = now()"
                + " where id = ?1 and calendar_id = ?2").setParameter(1, id).setParameter(2, calendar)
                .setParameter(3, ical).setParameter(4, Timestamp.from(firstStart))
                .setParameter(5, timestamp(lastEnd)).setParameter(6, privateEvent).setParameter(7, token)
                .executeUpdate() == 1;
    }

    /** Deletes event {@code id} of {@code calendar}, remembering its uid for sync; false when there is none. */
    public boolean delete(long id, long calendar, long token) {
        List<?> uids = em.createNativeQuery("delete from agenda_event where id = ?1 and calendar_id = ?2"
                + " returning uid").setParameter(1, id).setParameter(2, calendar).getResultList();
        if (uids.isEmpty()) {
            return false;
        }
        em.createNativeQuery("insert into agenda_event_deleted (calendar_id, uid, changed_token) values (?1, ?2, ?3)"
                + " on conflict (calendar_id, uid) do update set changed_token = excluded.changed_token")
                .setParameter(1, calendar).setParameter(2, uids.get(0)).setParameter(3, token).executeUpdate();
        return true;
    }

    /** The event with this UID in one of {@code calendars} (meetings: the copy of an invitation), if any. */
    public Optional<EventRow> byUid(Collection<Long> calendars, String uid) {
        if (calendars.isEmpty()) {
            return Optional.empty();
        }
        return list(em.createNativeQuery(SELECT + " where e.calendar_id in (?1) and e.uid = ?2 order by e.id")
                .setParameter(1, calendars).setParameter(2, uid).getResultList()).stream().findFirst();
    }

    /** Every event of a calendar, by first start (an export, a subscription). */
    public List<EventRow> ofCalendar(long calendar) {
        return list(em.createNativeQuery(SELECT + " where e.calendar_id = ?1 order by e.first_start, e.id")
                .setParameter(1, calendar).getResultList());
    }

    /** The event of UID {@code uid} in a calendar. */
    public Optional<EventRow> byUid(long calendar, String uid) {
        return list(em.createNativeQuery(SELECT + " where e.calendar_id = ?1 and e.uid = ?2").setParameter(1, calendar)
                .setParameter(2, uid).getResultList()).stream().findFirst();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static List<EventRow> list(List<?> rows) {
        return rows.stream().map(r -> (Object[]) r).map(r -> new EventRow(((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(), (String) r[2], (String) r[3], ((Number) r[4]).longValue())).toList();
    }
}
