package fr.preau.agenda;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The rows of {@code agenda_calendar} and {@code agenda_share} (migration V180), with the owner's names. Decides
 * nothing about who may see them: {@link AgendaRights} and {@link Agenda} do.
 */
@ApplicationScoped
@Repository
public class CalendarRows {
    private static final String SELECT = "select c.id, c.account_id, a.username, a.address, a.display_name, c.uid,"
            + " c.name, c.colour, c.is_default, c.holidays from agenda_calendar c join account a"
            + " on a.id = c.account_id";

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** Calendar {@code id}. */
    public Optional<CalendarRow> one(long id) {
        return list(em.createNativeQuery(SELECT + " where c.id = ?1").setParameter(1, id).getResultList()).stream()
                .findFirst();
    }

    /** The calendars of an account, the default first, then by name. */
    public List<CalendarRow> ofAccount(long account) {
        return list(em.createNativeQuery(SELECT + " where c.account_id = ?1 order by c.is_default desc,"
                + " lower(c.name), c.id").setParameter(1, account).getResultList());
    }

    /** Makes the account's default calendar unless it has one (two first visits at once make one). */
    public void insertDefault(long account, String uid, String name, String colour) {
        em.createNativeQuery("insert into agenda_calendar (account_id, uid, name, colour, is_default)"
                + " values (?1, ?2, ?3, ?4, true) on conflict do nothing").setParameter(1, account)
                .setParameter(2, uid).setParameter(3, name).setParameter(4, colour).executeUpdate();
    }

    /** A new calendar; its id. */
    public long insert(long account, String uid, String name, String colour) {
        return ((Number) em.createNativeQuery("insert into agenda_calendar (account_id, uid, name, colour)"
                + " values (?1, ?2, ?3, ?4) returning id").setParameter(1, account).setParameter(2, uid)
                .setParameter(3, name).setParameter(4, colour).getSingleResult()).longValue();
    }

    /** Whether the account has another calendar named {@code name} (case ignored). */
    public boolean nameTaken(long account, String name, long except) {
        return !em.createNativeQuery("select 1 from agenda_calendar where account_id = ?1 and lower(name) = lower(?2)"
                + " and id <> ?3").setParameter(1, account).setParameter(2, name).setParameter(3, except)
                .getResultList().isEmpty();
    }

    /** New name and colour. */
    public void update(long id, String name, String colour) {
        em.createNativeQuery("update agenda_calendar set name = ?2, colour = ?3 where id = ?1").setParameter(1, id)
                .setParameter(2, name).setParameter(3, colour).executeUpdate();
    }

    /** Moves the calendar's sync token on by one (locking the row until the transaction ends); the new value. */
    public long nextToken(long id) {
        return ((Number) em.createNativeQuery("update agenda_calendar set sync_token = sync_token + 1 where id = ?1"
                + " returning sync_token").setParameter(1, id).getSingleResult()).longValue();
    }

    /** The grant of {@code grantee} on the calendar ({@code details} or {@code edit}), if any. */
    public Optional<String> shareLevel(long calendar, long grantee) {
        return em.createNativeQuery("select level from agenda_share where calendar_id = ?1 and grantee_id = ?2")
                .setParameter(1, calendar).setParameter(2, grantee).getResultList().stream().map(String.class::cast)
                .findFirst();
    }

    /** Grants (or changes the grant of) a person. */
    public void share(long calendar, long grantee, String level) {
        em.createNativeQuery("insert into agenda_share (calendar_id, grantee_id, level) values (?1, ?2, ?3)"
                + " on conflict (calendar_id, grantee_id) do update set level = excluded.level, granted_at = now()")
                .setParameter(1, calendar).setParameter(2, grantee).setParameter(3, level).executeUpdate();
    }

    /** Takes a person's grant back. */
    public void unshare(long calendar, long grantee) {
        em.createNativeQuery("delete from agenda_share where calendar_id = ?1 and grantee_id = ?2")
                .setParameter(1, calendar).setParameter(2, grantee).executeUpdate();
    }

    /** The grants of a calendar, by name. */
    public List<CalendarShare> shares(long calendar) {
        List<?> rows = em.createNativeQuery("select a.display_name, a.address, s.level from agenda_share s"
                + " join account a on a.id = s.grantee_id where s.calendar_id = ?1 order by a.display_name, a.id")
                .setParameter(1, calendar).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new CalendarShare(calendar, (String) r[0],
                (String) r[1], CalendarLevel.of((String) r[2]), CalendarShare.Kind.PERSON)).toList();
    }

    /**
     * The best grant on the calendar to a list that has account {@code account} among its members (through lists
     * within lists too) or to establishment {@code uai}, if any.
     */
    public Optional<String> groupLevel(long calendar, long account, String uai) {
        return em.createNativeQuery("with recursive lists(id) as (select list_id from distribution_list_member"
                + " where account_id = ?2 union select m.list_id from distribution_list_member m join lists l on"
                + " m.member_list_id = l.id) select max(g.level) from agenda_share_group g where g.calendar_id = ?1"
                + " and (g.list_id in (select id from lists) or g.establishment_uai = ?3)")
                .setParameter(1, calendar).setParameter(2, account).setParameter(3, uai == null ? "" : uai)
                .getResultList().stream().filter(Objects::nonNull).map(String.class::cast).findFirst();
    }

    /** The id of the distribution list of address {@code address} (case ignored), if any. */
    public Optional<Long> listOf(String address) {
        return em.createNativeQuery("select id from distribution_list where address = lower(?1)")
                .setParameter(1, address).getResultList().stream().map(r -> ((Number) r).longValue()).findFirst();
    }

    /** The establishment of code UAI {@code uai} (case ignored), if any: its code as stored. */
    public Optional<String> establishmentOf(String uai) {
        return em.createNativeQuery("select uai from establishment where upper(uai) = upper(?1)")
                .setParameter(1, uai).getResultList().stream().map(String.class::cast).findFirst();
    }

    /** Grants (or changes) a list's or an establishment's grant (exactly one not null); a null level takes it back. */
    public void shareGroup(long calendar, Long list, String uai, String level) {
        em.createNativeQuery("delete from agenda_share_group where calendar_id = ?1 and (list_id = ?2"
                + " or establishment_uai = ?3)").setParameter(1, calendar).setParameter(2, list == null ? -1L : list)
                .setParameter(3, uai == null ? "" : uai).executeUpdate();
        if (level != null) {
            em.createNativeQuery("insert into agenda_share_group (calendar_id, list_id, establishment_uai, level)"
                    + " values (?1, ?2, ?3, ?4)").setParameter(1, calendar).setParameter(2, list)
                    .setParameter(3, uai).setParameter(4, level).executeUpdate();
        }
    }

    /** The grants of a calendar to lists and establishments, lists first, by name. */
    public List<CalendarShare> groupShares(long calendar) {
        List<?> rows = em.createNativeQuery("select coalesce(l.name, e.name), coalesce(l.address, e.uai), g.level,"
                + " case when g.list_id is null then 'ESTABLISHMENT' else 'LIST' end from agenda_share_group g"
                + " left join distribution_list l on l.id = g.list_id left join establishment e on e.uai ="
                + " g.establishment_uai where g.calendar_id = ?1 order by g.list_id is null,"
                + " lower(coalesce(l.name, e.name))").setParameter(1, calendar).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new CalendarShare(calendar, (String) r[0],
                (String) r[1], CalendarLevel.of((String) r[2]), CalendarShare.Kind.valueOf((String) r[3]))).toList();
    }

    /**
     * Deletes calendar {@code id} of {@code account} with its events, grants and subscription (cascade), after
     * writing its tombstone with the UIDs of its objects; the number of events that went, or -1 when there was no
     * such calendar.
     */
    public int delete(long id, long account) {
        List<?> gone = em.createNativeQuery("insert into agenda_calendar_deleted (account_id, uid, name, event_uids,"
                + " sync_token) select c.account_id, c.uid, c.name, coalesce((select array_agg(e.uid order by e.uid)"
                + " from agenda_event e where e.calendar_id = c.id), '{}'), c.sync_token + 1 from agenda_calendar c"
                + " where c.id = ?1 and c.account_id = ?2 on conflict (account_id, uid) do update set"
                + " event_uids = excluded.event_uids, sync_token = excluded.sync_token, deleted_at = now()"
                + " returning cardinality(event_uids)").setParameter(1, id).setParameter(2, account).getResultList();
        if (gone.isEmpty()) {
            return -1;
        }
        em.createNativeQuery("delete from agenda_calendar where id = ?1 and account_id = ?2").setParameter(1, id)
                .setParameter(2, account).executeUpdate();
        return ((Number) gone.get(0)).intValue();
    }

    /** How many events calendar {@code id} holds. */
    public long eventCount(long id) {
        return ((Number) em.createNativeQuery("select count(*) from agenda_event where calendar_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
    }

    private static List<CalendarRow> list(List<?> rows) {
        return rows.stream().map(r -> (Object[]) r).map(r -> new CalendarRow(((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(), (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                (String) r[6], (String) r[7], (Boolean) r[8], (Boolean) r[9])).toList();
    }
}
