package fr.preau.agenda;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import fr.preau.testing.TestEnv;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Test accounts (those of {@code DelegationFixture}) with no calendar, no grant and no delegation between them; the
 * rows as stored.
 */
@Stateless
@PermitAll
public class AgendaFixture {
    @PersistenceContext
    private EntityManager em;

    /** The address of a test user. */
    public static String address(String username) {
        return username + "@" + TestEnv.domain();
    }

    /** No calendar and no delegation between the accounts (made by {@code DelegationFixture.accounts}). */
    public void reset(List<String> usernames) {
        em.createNativeQuery("delete from agenda_calendar where account_id in (select id from account where"
                + " username in (?1))").setParameter(1, usernames).executeUpdate();
        em.createNativeQuery("delete from delegation where owner_id in (select id from account where username in"
                + " (?1)) or delegate_id in (select id from account where username in (?1))")
                .setParameter(1, usernames).executeUpdate();
    }

    /** An accepted delegation of {@code owner}'s agenda ({@code read} or {@code edit}) to {@code delegate}. */
    public long delegate(String owner, String delegate, String agenda) {
        return ((Number) em.createNativeQuery("insert into delegation (owner_id, delegate_id, mail_access,"
                + " agenda_access, status, granted_by, granted_at, accepted_at, acl_identifier) select o.id, d.id,"
                + " 'none', ?3, 'active', o.username, now(), now(), d.address from account o, account d"
                + " where o.username = ?1 and d.username = ?2 returning id").setParameter(1, owner)
                .setParameter(2, delegate).setParameter(3, agenda).getSingleResult()).longValue();
    }

    /** Ends delegation {@code id} a minute ago (as the owner would). */
    public void endDelegation(long id) {
        em.createNativeQuery("update delegation set status = 'ended', closed_at = now(), ends_at = now()"
                + " - interval '1 minute' where id = ?1").setParameter(1, id).executeUpdate();
    }

    /** The stored iCalendar object and revision of event {@code id}, and its calendar's sync token. */
    public Object[] stored(long id) {
        return (Object[]) em.createNativeQuery("select e.ical, e.revision, c.sync_token, e.last_end from agenda_event e"
                + " join agenda_calendar c on c.id = e.calendar_id where e.id = ?1").setParameter(1, id)
                .getSingleResult();
    }

    /** Forgets the academy's school holidays (the administrator's uploads). */
    public void clearHolidays() {
        em.createNativeQuery("delete from agenda_holiday").executeUpdate();
    }

    /** The sync token of a calendar. */
    public long token(long calendar) {
        return ((Number) em.createNativeQuery("select sync_token from agenda_calendar where id = ?1")
                .setParameter(1, calendar).getSingleResult()).longValue();
    }

    /** How many events the calendar holds. */
    public long count(long calendar) {
        return ((Number) em.createNativeQuery("select count(*) from agenda_event where calendar_id = ?1")
                .setParameter(1, calendar).getSingleResult()).longValue();
    }

    /**
     * A project list {@code <name>@<domain>} holding a list {@code <name>-equipe@<domain>} that holds {@code member}
     * (both made anew); the outer list's address.
     */
    public String nestedList(String name, String member) {
        String outer = address(name);
        em.createNativeQuery("delete from distribution_list where address in (?1, ?2)").setParameter(1, outer)
                .setParameter(2, address(name + "-equipe")).executeUpdate();
        long inner = insertList(address(name + "-equipe"), "Équipe " + name);
        long top = insertList(outer, "Liste " + name);
        em.createNativeQuery("insert into distribution_list_member (list_id, member_list_id) values (?1, ?2)")
                .setParameter(1, top).setParameter(2, inner).executeUpdate();
        em.createNativeQuery("insert into distribution_list_member (list_id, account_id) select ?1, id from account"
                + " where username = ?2").setParameter(1, inner).setParameter(2, member).executeUpdate();
        return outer;
    }

    private long insertList(String address, String name) {
        return ((Number) em.createNativeQuery("insert into distribution_list (address, name, kind) values (?1, ?2,"
                + " 'projet') returning id").setParameter(1, address).setParameter(2, name).getSingleResult())
                .longValue();
    }

    /** The UIDs a deleted calendar of that name held, comma-separated, as its tombstone keeps them; null if none. */
    public String tombstone(String owner, String name) {
        List<?> r = em.createNativeQuery("select array_to_string(d.event_uids, ',') from agenda_calendar_deleted d"
                + " join account a on a.id = d.account_id where a.username = ?1 and d.name = ?2")
                .setParameter(1, owner).setParameter(2, name).getResultList();
        return r.isEmpty() ? null : (String) r.get(0);
    }

    /** The reminder row of event {@code id}: minutes before, next occurrence, next due, or null when it has none. */
    public Object[] reminder(long id) {
        List<?> r = em.createNativeQuery("select minutes_before, next_occurrence, next_due from agenda_reminder"
                + " where event_id = ?1").setParameter(1, id).getResultList();
        return r.isEmpty() ? null : (Object[]) r.get(0);
    }

    /** Makes the next reminder of event {@code id} due a minute ago (its occurrence unchanged). */
    public void reminderDueNow(long id) {
        em.createNativeQuery("update agenda_reminder set next_due = now() - interval '1 minute' where event_id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    /** Points the reminder of event {@code id} at occurrence {@code start}, due {@code due}. */
    public void reminderAt(long id, LocalDateTime start, Instant due) {
        em.createNativeQuery("update agenda_reminder set next_occurrence = ?2, next_due = ?3 where event_id = ?1")
                .setParameter(1, id).setParameter(2, Timestamp.valueOf(start))
                .setParameter(3, Timestamp.from(due)).executeUpdate();
    }

    /** The states of the reminders sent for event {@code id}, by occurrence. */
    public List<String> remindersSent(long id) {
        @SuppressWarnings("unchecked")
        List<String> r = em.createNativeQuery("select state || ' ' || attempts from agenda_reminder_sent"
                + " where event_id = ?1 order by occurrence").setParameter(1, id).getResultList();
        return r;
    }

    /**
     * Holds the reminder sender at its test pause point after the submission of event {@code id}'s next reminder
     * (the kill test of docs/adr/0111), then makes that reminder due; returns its Message-ID.
     */
    public String reminderHeldAfterSubmit(long id) {
        Object value = reminder(id)[1];
        LocalDateTime occurrence = value instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
        String messageId = ReminderSender.messageId(id, occurrence);
        System.setProperty(ReminderSender.PAUSE_AFTER_SUBMIT, messageId);
        reminderDueNow(id);
        return messageId;
    }
}
