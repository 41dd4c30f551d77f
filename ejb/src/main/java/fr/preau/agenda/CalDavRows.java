package fr.preau.agenda;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * What CalDAV reads of {@code agenda_event}, {@code agenda_event_deleted} and {@code agenda_calendar} beyond
 * {@link EventRows} (by name, since a token), and the names clients gave their objects ({@code agenda_dav_name},
 * V190; docs/adr/0107). An object's name is the client's, or {@code <uid>.ics}. Decides nothing about who may see
 * them: {@link CalDavCalendars} does, through {@link AgendaRights}.
 */
@ApplicationScoped
@Repository
public class CalDavRows {
    private static final String NAME = "coalesce(n.dav_name, e.uid || '.ics')";
    private static final String SELECT = "select e.id, e.uid, " + NAME + ", e.ical, e.revision, e.private"
            + " from agenda_event e left join agenda_dav_name n on n.calendar_id = e.calendar_id and n.uid = e.uid";

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /**
     * An event object as CalDAV serves it.
     *
     * @param id the row
     * @param uid its UID
     * @param name its name in the calendar collection
     * @param ical its text as stored
     * @param revision the ETag's counter
     * @param privateEvent its master is private
     */
    record Stored(long id, String uid, String name, String ical, long revision, boolean privateEvent) {
    }

    /** The objects of a calendar, by name. */
    public List<Stored> all(long calendar) {
        return list(em.createNativeQuery(SELECT + " where e.calendar_id = ?1 order by 3").setParameter(1, calendar)
                .getResultList());
    }

    /** The objects of these names. */
    public List<Stored> named(long calendar, Collection<String> names) {
        if (names.isEmpty()) {
            return List.of();
        }
        return list(em.createNativeQuery(SELECT + " where e.calendar_id = ?1 and " + NAME + " in (?2) order by 3")
                .setParameter(1, calendar).setParameter(2, names).getResultList());
    }

    /** The object of this UID. */
    public Optional<Stored> withUid(long calendar, String uid) {
        return list(em.createNativeQuery(SELECT + " where e.calendar_id = ?1 and e.uid = ?2")
                .setParameter(1, calendar).setParameter(2, uid).getResultList()).stream().findFirst();
    }

    /** The objects changed after {@code token}. */
    public List<Stored> changedSince(long calendar, long token) {
        return list(em.createNativeQuery(SELECT + " where e.calendar_id = ?1 and e.changed_token > ?2 order by 3")
                .setParameter(1, calendar).setParameter(2, token).getResultList());
    }

    /** The names of the objects deleted after {@code token}. */
    public List<String> deletedSince(long calendar, long token) {
        return em.createNativeQuery("select coalesce(n.dav_name, d.uid || '.ics') from agenda_event_deleted d"
                + " left join agenda_dav_name n on n.calendar_id = d.calendar_id and n.uid = d.uid"
                + " where d.calendar_id = ?1 and d.changed_token > ?2 order by 1").setParameter(1, calendar)
                .setParameter(2, token).getResultList().stream().map(String.class::cast).toList();
    }

    /** The calendar's current sync token. */
    public long token(long calendar) {
        return ((Number) em.createNativeQuery("select sync_token from agenda_calendar where id = ?1")
                .setParameter(1, calendar).getSingleResult()).longValue();
    }

    /** Names object {@code uid} {@code name} (forgetting whatever had that name before); none for its own. */
    public void name(long calendar, String uid, String name) {
        em.createNativeQuery("delete from agenda_dav_name where calendar_id = ?1 and (uid = ?2 or dav_name = ?3)")
                .setParameter(1, calendar).setParameter(2, uid).setParameter(3, name).executeUpdate();
        if (!name.equals(uid + ".ics")) {
            em.createNativeQuery("insert into agenda_dav_name (calendar_id, uid, dav_name) values (?1, ?2, ?3)")
                    .setParameter(1, calendar).setParameter(2, uid).setParameter(3, name).executeUpdate();
        }
    }

    /**
     * The calendars other people granted {@code account} "voir les détails" or "modifier" on: by name, or through a
     * list it belongs to (lists within lists too) or its establishment (V205).
     */
    public List<Long> grantedTo(long account) {
        return em.createNativeQuery("with recursive lists(id) as (select list_id from distribution_list_member"
                + " where account_id = ?1 union select m.list_id from distribution_list_member m join lists l on"
                + " m.member_list_id = l.id) select c.id from agenda_calendar c where c.account_id <> ?1 and"
                + " (exists (select 1 from agenda_share s where s.calendar_id = c.id and s.grantee_id = ?1)"
                + " or exists (select 1 from agenda_share_group g where g.calendar_id = c.id and (g.list_id in"
                + " (select id from lists) or g.establishment_uai = (select establishment_uai from account where"
                + " id = ?1)))) order by c.account_id, c.id")
                .setParameter(1, account).getResultList().stream().map(n -> ((Number) n).longValue()).toList();
    }

    private static List<Stored> list(List<?> rows) {
        return rows.stream().map(r -> (Object[]) r).map(r -> new Stored(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], (String) r[3], ((Number) r[4]).longValue(), (Boolean) r[5])).toList();
    }
}
