package fr.preau.batch.delegation;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Delegations of one owner to many delegates, already past their end, seeded in SQL (the grant and acceptance are
 * tested elsewhere), and what the kill test reads of them.
 */
@Stateless
@PermitAll
public class ExpiryKillFixture {
    @PersistenceContext
    private EntityManager em;

    /** Accepted delegations of {@code owner} to each delegate (existing accounts), ended a minute ago. */
    public void seed(String owner, List<String> delegates) {
        em.createNativeQuery("insert into delegation (owner_id, delegate_id, mail_access, status, ends_at, granted_by,"
                + " granted_at, accepted_at, acl_identifier) select o.id, g.id, 'read', 'active',"
                + " now() - interval '1 minute', 'it', now() - interval '1 day', now() - interval '1 day', g.address"
                + " from account o, account g where o.username = ?1 and g.username in (?2)").setParameter(1, owner)
                .setParameter(2, delegates).executeUpdate();
    }

    /** The stored value of an academy setting; null when none is stored. */
    public String setting(String name) {
        List<?> rows = em.createNativeQuery("select value from academy_setting where name = ?1").setParameter(1, name)
                .getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /** Stores an academy setting; null forgets it (its default applies). */
    public void setting(String name, String value) {
        em.createNativeQuery("delete from academy_setting where name = ?1").setParameter(1, name).executeUpdate();
        if (value != null) {
            em.createNativeQuery("insert into academy_setting (name, value) values (?1, ?2)").setParameter(1, name)
                    .setParameter(2, value).executeUpdate();
        }
    }

    /** How many of the owner's delegations are ended, and how many are still open. */
    public long[] counts(String owner) {
        Object[] r = (Object[]) em.createNativeQuery("select count(*) filter (where d.status = 'ended'),"
                + " count(*) filter (where d.status in ('pending', 'active')) from delegation d"
                + " join account o on o.id = d.owner_id where o.username = ?1").setParameter(1, owner)
                .getSingleResult();
        return new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()};
    }

    /** The fewest and the most DELEGATION_ENDED entries any of the owner's delegations has in the audit log. */
    public long[] endAudits(String owner) {
        Object[] r = (Object[]) em.createNativeQuery("select min(n), max(n) from (select d.id, (select count(*) from"
                + " audit_entry e where e.action = 'DELEGATION_ENDED' and e.subject = o.username and e.detail like"
                + " 'delegation ' || d.id || ' %') as n from delegation d join account o on o.id = d.owner_id"
                + " where o.username = ?1) x").setParameter(1, owner).getSingleResult();
        return new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()};
    }
}
