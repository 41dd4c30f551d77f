package fr.preau.agenda;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The rows of {@code agenda_holiday} (the academy's school holidays, migration V210) and the copies of them in the
 * teachers' holiday calendars ({@code agenda_calendar.holidays}). Decides nothing: {@link SchoolHolidays} does.
 */
@ApplicationScoped
@Repository
public class HolidayRows {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** The object of period {@code uid}, if the academy has it. */
    public Optional<String> ical(String uid) {
        return em.createNativeQuery("select ical from agenda_holiday where uid = ?1").setParameter(1, uid)
                .getResultList().stream().map(String.class::cast).findFirst();
    }

    /** Stores period {@code uid} (replacing the one of that UID). */
    public void put(String uid, String summary, String ical, Instant firstStart, Instant lastEnd) {
        em.createNativeQuery("insert into agenda_holiday (uid, summary, ical, first_start, last_end)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict (uid) do update set summary = excluded.summary,"
                + " ical = excluded.ical, first_start = excluded.first_start, last_end = excluded.last_end,"
                + " imported_at = now()").setParameter(1, uid).setParameter(2, summary).setParameter(3, ical)
                .setParameter(4, Timestamp.from(firstStart))
                .setParameter(5, lastEnd == null ? null : Timestamp.from(lastEnd)).executeUpdate();
    }

    /** The summaries of the periods by start, each with its first start and last end (null: none). */
    public List<Object[]> periods() {
        return em.createNativeQuery("select summary, first_start, last_end, imported_at from agenda_holiday"
                + " order by first_start, uid").getResultList().stream().map(r -> (Object[]) r).toList();
    }

    /** Whether the academy has imported any period. */
    public boolean any() {
        return !em.createNativeQuery("select 1 from agenda_holiday limit 1").getResultList().isEmpty();
    }

    /** The caller's holiday calendar's id, if any. */
    public Optional<Long> calendarOf(long account) {
        return em.createNativeQuery("select id from agenda_calendar where account_id = ?1 and holidays")
                .setParameter(1, account).getResultList().stream().map(r -> ((Number) r).longValue()).findFirst();
    }

    /** Marks calendar {@code id} as a holiday calendar. */
    public void mark(long id) {
        em.createNativeQuery("update agenda_calendar set holidays = true where id = ?1").setParameter(1, id)
                .executeUpdate();
    }

    /**
     * Brings the academy's periods into every holiday calendar ({@code calendar} null) or into one: a period not
     * there is added, one that changed is replaced (revision + 1), one the same is left alone; each calendar where
     * something changed gets a new sync token. Periods the academy no longer has stay (an upload never removes).
     *
     * @return how many copies were added or changed
     */
    public int refresh(Long calendar) {
        String which = calendar == null ? "c.holidays" : "c.id = ?1";
        String changed = "(select c.id from agenda_calendar c cross join agenda_holiday h left join agenda_event e"
                + " on e.calendar_id = c.id and e.uid = h.uid where " + which + " and (e.id is null or e.ical <>"
                + " h.ical))";
        var bump = em.createNativeQuery("update agenda_calendar set sync_token = sync_token + 1 where id in "
                + changed.replace("c.id from", "distinct c.id from"));
        var forget = em.createNativeQuery("delete from agenda_event_deleted d using agenda_calendar c, agenda_holiday h"
                + " where d.calendar_id = c.id and d.uid = h.uid and " + which);
        var copy = em.createNativeQuery("insert into agenda_event (calendar_id, uid, ical, first_start, last_end,"
                + " private, changed_token) select c.id, h.uid, h.ical, h.first_start, h.last_end, false,"
                + " c.sync_token from agenda_calendar c cross join agenda_holiday h where " + which
                + " on conflict (calendar_id, uid) do update set ical = excluded.ical, first_start ="
                + " excluded.first_start, last_end = excluded.last_end, changed_token = excluded.changed_token,"
                + " revision = agenda_event.revision + 1, updated_at = now() where agenda_event.ical <> excluded.ical");
        if (calendar != null) {
            bump.setParameter(1, calendar);
            forget.setParameter(1, calendar);
            copy.setParameter(1, calendar);
        }
        bump.executeUpdate();
        forget.executeUpdate();
        return copy.executeUpdate();
    }
}
