package fr.preau.contacts;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Test accounts with an empty address book, a person of the directory, and the book's rows as stored. */
@Stateless
@PermitAll
public class ContactsFixture {
    static final String UAI = "0699990C";

    @PersistenceContext
    private EntityManager em;

    /** The account (made if missing) with no contact, no group and no recent correspondent. */
    public void emptyBook(String username, String address) {
        em.createNativeQuery("insert into account (username, address, display_name, quota_class, enabled)"
                + " values (?1, ?2, ?1, 'standard', true) on conflict (username) do nothing")
                .setParameter(1, username).setParameter(2, address).executeUpdate();
        for (String table : new String[] {"contact_book", "recent_correspondent"}) {
            em.createNativeQuery("delete from " + table + " where account_id = (select id from account where"
                    + " username = ?1)").setParameter(1, username).executeUpdate();
        }
    }

    /** A person of the directory with a personal phone they do not show; their id. */
    public long person(String hrId, String address) {
        em.createNativeQuery("insert into establishment (uai, name, town) values (?1, 'Collège Jean Moulin', 'Bron')"
                + " on conflict do nothing").setParameter(1, UAI).executeUpdate();
        return ((Number) em.createNativeQuery("insert into directory_person (hr_id, last_name, first_name,"
                + " function_code, discipline, establishment_uai, address, work_phone, personal_phone, search_text,"
                + " seen_import) values (?1, 'Fontaine', 'Agnès', 'ENS', 'Histoire-géographie', ?2, ?3,"
                + " '04 78 00 00 09', '06 00 00 00 09', 'agnes fontaine', 0) on conflict (hr_id) do update set"
                + " disabled_at = null returning id").setParameter(1, hrId).setParameter(2, UAI)
                .setParameter(3, address).getSingleResult()).longValue();
    }

    /** The book's sync token and contact {@code id}'s revision and stored card. */
    public Object[] stored(long id) {
        return (Object[]) em.createNativeQuery("select b.sync_token, c.revision, c.vcard from contact c join"
                + " contact_book b on b.account_id = c.account_id where c.id = ?1").setParameter(1, id)
                .getSingleResult();
    }

    /** Uids remembered as deleted in the book of {@code username}. */
    public long deleted(String username, String uid) {
        return ((Number) em.createNativeQuery("select count(*) from contact_deleted d join account a on"
                + " a.id = d.account_id where a.username = ?1 and d.uid = ?2").setParameter(1, username)
                .setParameter(2, uid).getSingleResult()).longValue();
    }
}
