package fr.preau.mail;

import java.util.Collection;
import java.util.List;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The rows {@link Correspondents} suggests from: the caller's contacts (tables {@code contact} and
 * {@code contact_value} of the address book, read here so that mail does not depend on {@code fr.preau.contacts}),
 * a mailbox's recent correspondents (table {@code recent_correspondent}), the academy's enabled accounts and the
 * directory. Each row is {address, display name}.
 */
@ApplicationScoped
@Repository
public class CorrespondentRows {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /**
     * The e-mail addresses of the contacts of account {@code account} whose folded text (names, organisation,
     * function, addresses; {@code SearchText}) contains every one of {@code words}, by name; each row {address,
     * "Prénom Nom"}.
     */
    public List<?> contacts(long account, List<String> words, int max) {
        StringBuilder sql = new StringBuilder("select v.value, nullif(trim(coalesce(c.first_name, '') || ' '"
                + " || coalesce(c.last_name, '')), '') from contact c join contact_value v on v.contact_id = c.id"
                + " and v.kind = 'email' where c.account_id = ?1");
        for (int i = 0; i < words.size(); i++) {
            sql.append(" and c.search_text like ?").append(i + 2);
        }
        sql.append(" order by lower(coalesce(c.last_name, c.first_name, v.value)), c.id, v.position limit ")
                .append(Math.max(1, max));
        var q = em.createNativeQuery(sql.toString()).setParameter(1, account);
        for (int i = 0; i < words.size(); i++) {
            q.setParameter(i + 2, "%" + words.get(i) + "%");
        }
        return q.getResultList();
    }

    /** The owner's recent correspondents matching {@code like} (escape {@code !}), most recent first. */
    public List<?> recent(String owner, String like, int max) {
        return em.createNativeQuery("select r.address, r.display_name from recent_correspondent r"
                + " join account a on a.id = r.account_id where a.address = ?1"
                + " and (r.address like ?2 escape '!' or lower(r.display_name) like ?2 escape '!')"
                + " order by r.last_used_at desc limit ?3")
                .setParameter(1, owner).setParameter(2, like).setParameter(3, max).getResultList();
    }

    /** The enabled accounts matching {@code like} (escape {@code !}), by name. */
    public List<?> accounts(String like, int max) {
        return em.createNativeQuery("select address, display_name from account where enabled"
                + " and (address like ?1 escape '!' or lower(display_name) like ?1 escape '!')"
                + " order by display_name limit ?2").setParameter(1, like).setParameter(2, max).getResultList();
    }

    /**
     * The people of the directory (not disabled, with an address) whose folded text contains every one of
     * {@code words} (folded, {@code SearchText}), by name; each row {address, "Prénom Nom"}.
     */
    public List<?> directory(List<String> words, int max) {
        StringBuilder sql = new StringBuilder("select address, first_name || ' ' || last_name from directory_person"
                + " where disabled_at is null and address is not null");
        for (int i = 1; i <= words.size(); i++) {
            sql.append(" and search_text like ?").append(i);
        }
        sql.append(" order by last_name, first_name, id limit ").append(Math.max(1, max));
        var q = em.createNativeQuery(sql.toString());
        for (int i = 0; i < words.size(); i++) {
            q.setParameter(i + 1, "%" + words.get(i) + "%");
        }
        return q.getResultList();
    }

    /**
     * The distribution lists whose address or name matches {@code like} (escape {@code !}) that account
     * {@code account} may write to: those open to the academy or to anyone, and the members-only ones it belongs to
     * or owns (directly; Postfix's policy service has the last word); rows {address, name}.
     */
    public List<?> lists(long account, String like, int max) {
        return em.createNativeQuery("select l.address, l.name from distribution_list l"
                + " where (l.address like ?1 escape '!' or lower(l.name) like ?1 escape '!')"
                + " and (l.posting <> 'members'"
                + " or exists (select 1 from distribution_list_member m where m.list_id = l.id and m.account_id = ?2)"
                + " or exists (select 1 from distribution_list_owner o where o.list_id = l.id and o.account_id = ?2))"
                + " order by lower(l.name), l.id limit ?3")
                .setParameter(1, like).setParameter(2, account).setParameter(3, max).getResultList();
    }

    /** The contact groups of account {@code account}: rows {id, name}. */
    public List<?> groups(long account) {
        return em.createNativeQuery("select id, name from contact_group where account_id = ?1 order by lower(name)")
                .setParameter(1, account).getResultList();
    }

    /**
     * The first e-mail address of each contact of group {@code group} (of account {@code account}), by name; rows
     * {address, "Prénom Nom"}.
     */
    public List<?> groupMembers(long account, long group, int max) {
        return em.createNativeQuery("select distinct on (lower(coalesce(c.last_name, c.first_name, '')), c.id)"
                + " v.value, nullif(trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), '')"
                + " from contact_group_member m join contact c on c.id = m.contact_id and c.account_id = ?1"
                + " join contact_value v on v.contact_id = c.id and v.kind = 'email' where m.group_id = ?2"
                + " order by lower(coalesce(c.last_name, c.first_name, '')), c.id, v.position limit ?3")
                .setParameter(1, account).setParameter(2, group).setParameter(3, max).getResultList();
    }

    /** How often and when account {@code account} last wrote to each of these addresses: rows {address, count, at}. */
    public List<?> uses(long account, Collection<String> addresses) {
        if (addresses.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("select address, use_count, last_used_at from recent_correspondent"
                + " where account_id = ?1 and address in (?2)")
                .setParameter(1, account).setParameter(2, addresses).getResultList();
    }

    /** One more message from the owner to that address. */
    public void used(String owner, MailAddress recipient) {
        em.createNativeQuery("insert into recent_correspondent (account_id, address, display_name)"
                + " select id, ?2, ?3 from account where address = ?1"
                + " on conflict (account_id, address) do update set last_used_at = now(),"
                + " use_count = recent_correspondent.use_count + 1,"
                + " display_name = coalesce(excluded.display_name, recent_correspondent.display_name)")
                .setParameter(1, owner).setParameter(2, recipient.address()).setParameter(3, recipient.personal())
                .executeUpdate();
    }
}
