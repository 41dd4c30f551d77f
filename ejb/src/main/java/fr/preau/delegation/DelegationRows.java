package fr.preau.delegation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import fr.preau.shared.Repository;
import fr.preau.shared.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The rows of {@code delegation} (migration V160), with the names and addresses of both accounts. Decides nothing
 * about who may see or change a row: {@link Delegations} and the registry do, and name the account in every call.
 */
@ApplicationScoped
@Repository
public class DelegationRows {
    private static final String SELECT = "select d.id, d.owner_id, o.username, o.address, o.display_name,"
            + " d.delegate_id, g.username, g.address, g.display_name, d.mail_access, d.send_on_behalf,"
            + " d.agenda_access, d.status, d.granted_at, d.granted_by, d.accepted_at, d.ends_at, d.closed_at,"
            + " d.closed_by, d.acl_identifier"
            + " from delegation d join account o on o.id = d.owner_id join account g on g.id = d.delegate_id";
    private static final String OPEN = "d.status in ('pending', 'active')";
    /**
     * Whether the delegate {@code g} is on the staff of the establishment of the owner {@code o} (a functional mailbox,
     * docs/adr/0105): an enabled account assigned to it (the directory import keeps {@code account.establishment_uai}
     * as the HR feed says), unless the directory links the account only to people the feed no longer names.
     */
    private static final String STAFF = "(g.enabled and g.establishment_uai = o.establishment_uai"
            + " and (exists (select 1 from directory_person p where p.account_id = g.id and p.disabled_at is null)"
            + " or not exists (select 1 from directory_person p where p.account_id = g.id)))";
    private static final String DEPARTED = "o.functional and not " + STAFF;

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** Delegation {@code id}, whatever its state. */
    public Optional<Delegation> one(long id) {
        return list(em.createNativeQuery(SELECT + " where d.id = ?1").setParameter(1, id).getResultList()).stream()
                .findFirst();
    }

    /** The same, locked until the transaction ends (two acceptances or an end and the job never cross). */
    public Optional<Delegation> locked(long id) {
        List<?> ids = em.createNativeQuery("select id from delegation where id = ?1 for update").setParameter(1, id)
                .getResultList();
        return ids.isEmpty() ? Optional.empty() : one(id);
    }

    /** The open (pending or active) delegations the account gave, newest first. */
    public List<Delegation> givenBy(long owner) {
        return list(em.createNativeQuery(SELECT + " where d.owner_id = ?1 and " + OPEN
                + " order by d.granted_at desc, d.id desc").setParameter(1, owner).getResultList());
    }

    /**
     * The open delegations whose owner belongs to one of {@code establishments} (every owner when null), newest
     * first, at most {@code max}: the administrators' registry.
     */
    public List<Delegation> openOwnedIn(Collection<String> establishments, int max) {
        return openIn("", establishments, max);
    }

    /** The same for the owners that are functional mailboxes (docs/adr/0105) only. */
    public List<Delegation> openOfFunctionalIn(Collection<String> establishments, int max) {
        return openIn(" and o.functional", establishments, max);
    }

    private List<Delegation> openIn(String owners, Collection<String> establishments, int max) {
        if (establishments == null) {
            return list(em.createNativeQuery(SELECT + " where " + OPEN + owners
                    + " order by d.granted_at desc, d.id desc limit ?1").setParameter(1, max).getResultList());
        }
        if (establishments.isEmpty()) {
            return List.of();
        }
        return list(em.createNativeQuery(SELECT + " where " + OPEN + owners + " and o.establishment_uai in (?1)"
                + " order by d.granted_at desc, d.id desc limit ?2").setParameter(1, establishments)
                .setParameter(2, max).getResultList());
    }

    /** Whether the account is on the staff of the establishment {@code uai} (see {@link #STAFF}). */
    public boolean staffOf(long account, String uai) {
        return !em.createNativeQuery("select 1 from account g, (select ?2 as establishment_uai) o where g.id = ?1"
                + " and not g.functional and " + STAFF).setParameter(1, account).setParameter(2, uai)
                .getResultList().isEmpty();
    }

    /** Whether delegation {@code id} is of a functional mailbox whose delegate is no longer on its staff. */
    public boolean departed(long id) {
        return !em.createNativeQuery("select 1 from delegation d join account o on o.id = d.owner_id"
                + " join account g on g.id = d.delegate_id where d.id = ?1 and " + DEPARTED).setParameter(1, id)
                .getResultList().isEmpty();
    }

    /** The open delegations the account received, newest first. */
    public List<Delegation> receivedBy(long delegate) {
        return list(em.createNativeQuery(SELECT + " where d.delegate_id = ?1 and " + OPEN
                + " order by d.granted_at desc, d.id desc").setParameter(1, delegate).getResultList());
    }

    /**
     * The active delegation of {@code owner} to {@code delegate}, if any (its end is the caller's to check); none
     * when the owner is a functional mailbox whose establishment the delegate has left, before the nightly job ends it.
     */
    public Optional<Delegation> active(long owner, long delegate) {
        return list(em.createNativeQuery(SELECT + " where d.owner_id = ?1 and d.delegate_id = ?2"
                + " and d.status = 'active' and not (" + DEPARTED + ")").setParameter(1, owner)
                .setParameter(2, delegate).getResultList()).stream().findFirst();
    }

    /** Whether {@code owner} has an open delegation to {@code delegate}. */
    public boolean openBetween(long owner, long delegate) {
        return !em.createNativeQuery("select 1 from delegation d where d.owner_id = ?1 and d.delegate_id = ?2 and "
                + OPEN).setParameter(1, owner).setParameter(2, delegate).getResultList().isEmpty();
    }

    /** Inserts a pending delegation; its id. */
    public long insert(long owner, long delegate, DelegationRights rights, Instant endsAt, String grantedBy,
            Instant at, String aclIdentifier) {
        return ((Number) em.createNativeQuery("insert into delegation (owner_id, delegate_id, mail_access,"
                + " send_on_behalf, agenda_access, status, ends_at, granted_by, granted_at, acl_identifier)"
                + " values (?1, ?2, ?3, ?4, ?5, 'pending', ?6, ?7, ?8, ?9) returning id")
                .setParameter(1, owner).setParameter(2, delegate).setParameter(3, rights.mail().code())
                .setParameter(4, rights.sendOnBehalf()).setParameter(5, rights.agenda().code())
                .setParameter(6, timestamp(endsAt)).setParameter(7, grantedBy).setParameter(8, timestamp(at))
                .setParameter(9, aclIdentifier).getSingleResult()).longValue();
    }

    /** Marks a pending delegation active. */
    public void accept(long id, Instant at) {
        em.createNativeQuery("update delegation set status = 'active', accepted_at = ?2 where id = ?1")
                .setParameter(1, id).setParameter(2, timestamp(at)).executeUpdate();
    }

    /** New rights and end of an open delegation. */
    public void change(long id, DelegationRights rights, Instant endsAt) {
        em.createNativeQuery("update delegation set mail_access = ?2, send_on_behalf = ?3, agenda_access = ?4,"
                + " ends_at = ?5 where id = ?1").setParameter(1, id).setParameter(2, rights.mail().code())
                .setParameter(3, rights.sendOnBehalf()).setParameter(4, rights.agenda().code())
                .setParameter(5, timestamp(endsAt)).executeUpdate();
    }

    /** Closes an open delegation ({@code refused} or {@code ended}); {@code by} null for the nightly job. */
    public void close(long id, DelegationStatus status, Instant at, String by) {
        em.createNativeQuery("update delegation set status = ?2, closed_at = ?3, closed_by = ?4 where id = ?1")
                .setParameter(1, id).setParameter(2, status.code()).setParameter(3, timestamp(at))
                .setParameter(4, by).executeUpdate();
    }

    /**
     * Ids of open delegations to end at {@code at}, after {@code after}, in id order: those whose end is at or before
     * {@code at}, and those of a functional mailbox whose delegate has left its establishment (docs/adr/0105).
     */
    public List<Long> toEnd(Instant at, long after, int limit) {
        return em.createNativeQuery("select d.id from delegation d join account o on o.id = d.owner_id"
                + " join account g on g.id = d.delegate_id where " + OPEN + " and (d.ends_at <= ?1 or (" + DEPARTED
                + ")) and d.id > ?2 order by d.id").setParameter(1, timestamp(at)).setParameter(2, after)
                .setMaxResults(limit).getResultList().stream().map(n -> ((Number) n).longValue()).toList();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static List<Delegation> list(List<?> rows) {
        return rows.stream().map(r -> (Object[]) r).map(r -> new Delegation(((Number) r[0]).longValue(),
                ((Number) r[1]).longValue(), (String) r[2], (String) r[3], (String) r[4], ((Number) r[5]).longValue(),
                (String) r[6], (String) r[7], (String) r[8], new DelegationRights(MailAccess.of((String) r[9]),
                (Boolean) r[10], AgendaAccess.of((String) r[11])), DelegationStatus.of((String) r[12]),
                SqlTimes.instant(r[13]), (String) r[14], SqlTimes.instant(r[15]), SqlTimes.instant(r[16]),
                SqlTimes.instant(r[17]), (String) r[18], (String) r[19])).toList();
    }
}
