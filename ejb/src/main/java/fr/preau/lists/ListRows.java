package fr.preau.lists;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

/**
 * The lists' rows (migration V140): {@code distribution_list}, {@code distribution_list_owner},
 * {@code distribution_list_member}, and what they need to know of accounts, aliases and the directory.
 * {@link DistributionLists} decides who may read or write which list.
 */
@ApplicationScoped
@Repository
public class ListRows {
    private static final String COLUMNS = "l.id, l.address, l.name, l.kind, l.establishment_uai, l.discipline,"
            + " l.departement, l.posting, (select count(*) from distribution_list_member m where m.list_id = l.id),"
            + " l.moderated";

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** Inserts a list; its id. */
    public long insert(ListDraft d) {
        return ((Number) em.createNativeQuery("insert into distribution_list (address, name, kind,"
                + " establishment_uai, discipline, departement, posting) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
                + " returning id").setParameter(1, d.address()).setParameter(2, d.name())
                .setParameter(3, d.kind().code()).setParameter(4, d.establishmentUai())
                .setParameter(5, d.discipline()).setParameter(6, d.departement())
                .setParameter(7, d.posting().code()).getSingleResult()).longValue();
    }

    /** List {@code id}, if it exists. */
    public Optional<DistributionList> one(long id) {
        return lists(em.createNativeQuery("select " + COLUMNS + " from distribution_list l where l.id = ?1")
                .setParameter(1, id)).stream().findFirst();
    }

    /** The lists {@code account} owns or co-owns, by name. */
    public List<DistributionList> owned(long account) {
        return lists(em.createNativeQuery("select " + COLUMNS + " from distribution_list l where exists (select 1"
                + " from distribution_list_owner o where o.list_id = l.id and o.account_id = ?1)"
                + " order by lower(l.name), l.id").setParameter(1, account));
    }

    /**
     * The lists of these kinds, by name; only those of these establishments when {@code establishments} is not
     * null.
     */
    public List<DistributionList> ofKinds(Collection<String> kinds, Collection<String> establishments) {
        Query q = em.createNativeQuery("select " + COLUMNS + " from distribution_list l where l.kind = any"
                + " (string_to_array(?1, ','))" + (establishments == null ? ""
                : " and l.establishment_uai = any (string_to_array(?2, ','))") + " order by lower(l.name), l.id")
                .setParameter(1, String.join(",", kinds));
        if (establishments != null) {
            q.setParameter(2, String.join(",", establishments));
        }
        return lists(q);
    }

    /** Whether an account, an alias or a list already has this address. */
    public boolean addressTaken(String address) {
        return !em.createNativeQuery("select 1 from account where address = ?1 union all select 1 from alias where"
                + " address = ?1 union all select 1 from distribution_list where address = ?1")
                .setParameter(1, address).getResultList().isEmpty();
    }

    /** Whether this is one of the academy's active mail domains. */
    public boolean academyDomain(String domain) {
        return !em.createNativeQuery("select 1 from mail_domain where name = ?1 and active").setParameter(1, domain)
                .getResultList().isEmpty();
    }

    /** Whether an establishment with this UAI exists. */
    public boolean establishmentExists(String uai) {
        return !em.createNativeQuery("select 1 from establishment where uai = ?1").setParameter(1, uai)
                .getResultList().isEmpty();
    }

    /** The account whose address or alias this is. */
    public Optional<Long> accountOf(String address) {
        return first(em.createNativeQuery("select id from account where address = ?1 union select account_id from"
                + " alias where address = ?1").setParameter(1, address));
    }

    /** The list with this address. */
    public Optional<Long> listOf(String address) {
        return first(em.createNativeQuery("select id from distribution_list where address = ?1")
                .setParameter(1, address));
    }

    /** Whether {@code account} owns list {@code list}. */
    public boolean isOwner(long list, long account) {
        return !em.createNativeQuery("select 1 from distribution_list_owner where list_id = ?1 and account_id = ?2")
                .setParameter(1, list).setParameter(2, account).getResultList().isEmpty();
    }

    /** Makes {@code account} an owner of the list; false when it already was. */
    public boolean addOwner(long list, long account) {
        return em.createNativeQuery("insert into distribution_list_owner (list_id, account_id) values (?1, ?2)"
                + " on conflict do nothing").setParameter(1, list).setParameter(2, account).executeUpdate() == 1;
    }

    /** Removes an owner, unless it is the last one; false when nothing was removed. */
    public boolean removeOwner(long list, long account) {
        return em.createNativeQuery("delete from distribution_list_owner o where o.list_id = ?1 and o.account_id = ?2"
                + " and (select count(*) from distribution_list_owner x where x.list_id = ?1) > 1")
                .setParameter(1, list).setParameter(2, account).executeUpdate() == 1;
    }

    /** The list's owners, by name. */
    public List<ListOwner> owners(long list) {
        List<?> rows = em.createNativeQuery("select a.id, a.address, a.display_name from distribution_list_owner o"
                + " join account a on a.id = o.account_id where o.list_id = ?1 order by lower(a.display_name), a.id")
                .setParameter(1, list).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new ListOwner(((Number) r[0]).longValue(), (String) r[1], (String) r[2])).toList();
    }

    /** The list's members: accounts and lists by name, then external addresses. */
    public List<ListMember> members(long list) {
        List<?> rows = em.createNativeQuery("select m.id, case when m.account_id is not null then 'ACCOUNT'"
                + " when m.member_list_id is not null then 'LIST' else 'EXTERNAL' end,"
                + " coalesce(a.address, l.address, m.external_address), coalesce(a.display_name, l.name,"
                + " m.external_address), m.computed from distribution_list_member m left join account a on"
                + " a.id = m.account_id left join distribution_list l on l.id = m.member_list_id where m.list_id = ?1"
                + " order by m.external_address is not null, lower(coalesce(a.display_name, l.name,"
                + " m.external_address)), m.id").setParameter(1, list).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new ListMember(((Number) r[0]).longValue(),
                ListMember.Kind.valueOf((String) r[1]), (String) r[2], (String) r[3], (Boolean) r[4])).toList();
    }

    /**
     * Adds an account, a list or an external address (exactly one not null); the new member row, empty when it
     * already was a member.
     */
    public Optional<Long> addMember(long list, Long account, Long memberList, String external) {
        return first(em.createNativeQuery("insert into distribution_list_member (list_id, account_id,"
                + " member_list_id, external_address) values (?1, ?2, ?3, ?4) on conflict do nothing returning id")
                .setParameter(1, list).setParameter(2, account).setParameter(3, memberList)
                .setParameter(4, external));
    }

    /** Removes member row {@code member} of the list; false when the list has no such member. */
    public boolean removeMember(long list, long member) {
        return em.createNativeQuery("delete from distribution_list_member where id = ?2 and list_id = ?1")
                .setParameter(1, list).setParameter(2, member).executeUpdate() == 1;
    }

    /** Renames the list and sets who may post. */
    public void update(long list, String name, PostingRule posting) {
        em.createNativeQuery("update distribution_list set name = ?2, posting = ?3 where id = ?1")
                .setParameter(1, list).setParameter(2, name).setParameter(3, posting.code()).executeUpdate();
    }

    /** Makes the list moderated or not (ADR 0101): Postfix holds its mail from the next message on. */
    public void moderate(long list, boolean moderated) {
        em.createNativeQuery("update distribution_list set moderated = ?2 where id = ?1")
                .setParameter(1, list).setParameter(2, moderated).executeUpdate();
    }

    /** The list's secret release address, which expands to its members (V145). */
    public String releaseAddress(long list) {
        return (String) em.createNativeQuery("select release_address from distribution_list where id = ?1")
                .setParameter(1, list).getSingleResult();
    }

    /** Deletes the list (its members and owners; lists that contained it lose that member). */
    public boolean delete(long list) {
        return em.createNativeQuery("delete from distribution_list where id = ?1").setParameter(1, list)
                .executeUpdate() == 1;
    }

    /** The ids of the disciplinary lists. */
    public List<Long> disciplinary() {
        List<?> rows = em.createNativeQuery("select id from distribution_list where kind = 'disciplinaire'"
                + " order by id").getResultList();
        return rows.stream().map(r -> ((Number) r).longValue()).toList();
    }

    /**
     * Makes the members of disciplinary list {@code list} what the directory says now: the accounts of the enabled
     * teachers (function ENS) of its discipline (case ignored) in its establishment or département. Returns how many
     * members were added and removed; 0 when nothing changed (a second run).
     */
    public int recompute(long list) {
        return ((Number) em.createNativeQuery("with l as (select * from distribution_list where id = ?1"
                + " and kind = 'disciplinaire'), wanted as (select distinct p.account_id from directory_person p"
                + " join l on lower(trim(p.discipline)) = lower(trim(l.discipline)) and (p.establishment_uai ="
                + " l.establishment_uai or left(p.establishment_uai, 3) = l.departement) where p.disabled_at is null"
                + " and p.account_id is not null and p.function_code = 'ENS'), gone as (delete from"
                + " distribution_list_member m where m.list_id = ?1 and (m.account_id is null or m.account_id not in"
                + " (select account_id from wanted)) returning 1), added as (insert into distribution_list_member"
                + " (list_id, account_id, computed) select ?1, w.account_id, true from wanted w on conflict do"
                + " nothing returning 1) select (select count(*) from gone) + (select count(*) from added)")
                .setParameter(1, list).getSingleResult()).intValue();
    }

    private static Optional<Long> first(Query q) {
        return q.getResultList().stream().findFirst().map(r -> ((Number) r).longValue());
    }

    private static List<DistributionList> lists(Query q) {
        List<?> rows = q.getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new DistributionList(((Number) r[0]).longValue(),
                (String) r[1], (String) r[2], ListKind.of((String) r[3]).orElseThrow(), (String) r[4], (String) r[5],
                (String) r[6], PostingRule.of((String) r[7]).orElseThrow(), ((Number) r[8]).longValue(),
                (Boolean) r[9])).toList();
    }
}
