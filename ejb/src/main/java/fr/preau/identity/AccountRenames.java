package fr.preau.identity;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The rows a rename changes (docs/adr/0096), in the caller's transaction: the old address becomes an alias of the
 * account (delivered to the new address and allowed as a sender by the views of migrations V2 and V3), the account
 * row takes the new identifier, address and name and keeps its mailbox folder, and the rows the portal keys by the
 * mailbox's address (the search index, the move journal) follow it. Rows keyed by the account id do not move; those
 * keyed by the identifier follow by their foreign keys (V115). It checks nothing: {@link AccountAdministration}
 * does.
 */
@ApplicationScoped
@Repository
public class AccountRenames {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /**
     * Gives the account a new identifier and address, keeping the old address as its alias and its mailbox in the
     * folder of the old address (or of the first one, after an earlier rename).
     */
    public void rename(long accountId, String oldAddress, String newUsername, String newAddress, String displayName) {
        em.createNativeQuery("insert into alias (address, account_id) values (?1, ?2)")
                .setParameter(1, oldAddress).setParameter(2, accountId).executeUpdate();
        em.createNativeQuery("update account set username = ?2, address = ?3, display_name = ?4,"
                + " mail_home = coalesce(mail_home, split_part(address, '@', 2) || '/' || split_part(address, '@', 1))"
                + " where id = ?1")
                .setParameter(1, accountId).setParameter(2, newUsername).setParameter(3, newAddress)
                .setParameter(4, displayName).executeUpdate();
        for (String table : new String[] {"mail_search_message", "mail_search_folder", "mail_move_journal"}) {
            em.createNativeQuery("update " + table + " set mailbox = ?2 where mailbox = ?1")
                    .setParameter(1, oldAddress).setParameter(2, newAddress).executeUpdate();
        }
    }

    /** Changes only the name shown (the identifier the names give is the account's own). */
    public void changeDisplayName(long accountId, String displayName) {
        em.createNativeQuery("update account set display_name = ?2 where id = ?1")
                .setParameter(1, accountId).setParameter(2, displayName).executeUpdate();
    }
}
