package fr.preau.lists;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Test accounts, establishments and directory people for the lists, written as SQL, and the lists' rows as stored.
 * Every list of the tests has an address starting with {@value #PREFIX}.
 */
@Stateless
@PermitAll
public class ListsFixture {
    static final String PREFIX = "it-diffusion-";
    /** The establishment of {@link AsListEtabAdmin}, in département 099. */
    static final String UAI = "0990101A";
    /** Another establishment of département 099. */
    static final String OTHER_UAI = "0990102B";
    /** An establishment of another département. */
    static final String FAR_UAI = "0980103C";

    @PersistenceContext
    private EntityManager em;

    /** Forgets the tests' lists and directory people; makes the establishments. */
    public void reset() {
        em.createNativeQuery("delete from distribution_list where address like ?1").setParameter(1, PREFIX + "%")
                .executeUpdate();
        em.createNativeQuery("delete from directory_person where hr_id like 'ITL%'").executeUpdate();
        for (String uai : new String[] {UAI, OTHER_UAI, FAR_UAI}) {
            em.createNativeQuery("insert into establishment (uai, name, town) values (?1, 'Collège ' || ?1,"
                    + " 'Liste-sur-Mer') on conflict do nothing").setParameter(1, uai).executeUpdate();
        }
    }

    /** The account (made if missing), enabled, not suspended, of this establishment; its id. */
    public long account(String username, String address, String uai) {
        return ((Number) em.createNativeQuery("insert into account (username, address, display_name, quota_class,"
                + " enabled, establishment_uai) values (?1, ?2, ?1, 'standard', true, ?3) on conflict (username) do"
                + " update set enabled = true, suspended_at = null, establishment_uai = excluded.establishment_uai"
                + " returning id").setParameter(1, username).setParameter(2, address).setParameter(3, uai)
                .getSingleResult()).longValue();
    }

    /** Disables the account (it no longer has a mailbox: Postfix answers "unknown user"). */
    public void disable(String username) {
        em.createNativeQuery("update account set enabled = false where username = ?1").setParameter(1, username)
                .executeUpdate();
    }

    /** Suspends the account (it keeps its mailbox and still receives mail sent to it directly). */
    public void suspend(String username) {
        em.createNativeQuery("update account set suspended_at = now(), suspended_by = 'it' where username = ?1")
                .setParameter(1, username).executeUpdate();
    }

    /** An alias of the account (made if missing). */
    public void alias(String address, String username) {
        em.createNativeQuery("insert into alias (address, account_id) select ?1, id from account where username = ?2"
                + " on conflict do nothing").setParameter(1, address).setParameter(2, username).executeUpdate();
    }

    /** A person of the directory (ITL…) linked to the account {@code username} (or nobody when null). */
    public void person(String hrId, String function, String discipline, String uai, String username) {
        em.createNativeQuery("insert into directory_person (hr_id, last_name, first_name, function_code, discipline,"
                + " establishment_uai, account_id, search_text, seen_import) values (?1, ?1, 'Test', ?2, ?3, ?4,"
                + " (select id from account where username = ?5), ?1, 0)").setParameter(1, hrId)
                .setParameter(2, function).setParameter(3, discipline).setParameter(4, uai).setParameter(5, username)
                .executeUpdate();
    }

    /** The person has left (as the import's departures step does). */
    public void leave(String hrId) {
        em.createNativeQuery("update directory_person set disabled_at = now() where hr_id = ?1").setParameter(1, hrId)
                .executeUpdate();
    }

    /** How many lists of the tests exist. */
    public long lists() {
        return ((Number) em.createNativeQuery("select count(*) from distribution_list where address like ?1")
                .setParameter(1, PREFIX + "%").getSingleResult()).longValue();
    }

    /** Name, posting rule and member count of list {@code id} as stored. */
    public String stored(long id) {
        return (String) em.createNativeQuery("select l.name || '|' || l.posting || '|' || (select count(*) from"
                + " distribution_list_member m where m.list_id = l.id) || '|' || (select count(*) from"
                + " distribution_list_owner o where o.list_id = l.id) from distribution_list l where l.id = ?1")
                .setParameter(1, id).getResultList().stream().findFirst().orElse(null);
    }

    /** The secret release address of list {@code id} (V145). */
    public String releaseAddress(long id) {
        return (String) em.createNativeQuery("select release_address from distribution_list where id = ?1")
                .setParameter(1, id).getSingleResult();
    }

    /** Writes what an approval writes before its submission, as if it had died right after submitting. */
    public void releasing(long id, String messageId) {
        em.createNativeQuery("insert into distribution_list_release (list_id, message_id, state, approved_by,"
                + " updated_at) values (?1, ?2, 'releasing', 'it', now())").setParameter(1, id)
                .setParameter(2, messageId).executeUpdate();
    }

    /** The audit entries of this action on this list's address by this actor, with that Message-ID. */
    public long audited(String action, String actor, String listAddress, String messageId) {
        return ((Number) em.createNativeQuery("select count(*) from audit_entry where action = ?1 and actor = ?2"
                + " and subject = ?3 and detail = ?4").setParameter(1, action).setParameter(2, actor)
                .setParameter(3, listAddress).setParameter(4, messageId).getSingleResult()).longValue();
    }
}
