package fr.preau.account;

import java.util.Optional;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The rows of table {@code account} as JPA entities ({@link Account}), and the identifiers and addresses ever given
 * (an account row, closed or not, or a row of {@code alias}). Decides nothing about who may see or change them.
 */
@ApplicationScoped
@Repository
public class AccountRecords {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** The account with this identifier ({@code prenom.nom}, lower case), enabled or not. */
    public Optional<Account> byUsername(String username) {
        return em.createNamedQuery(Account.BY_USERNAME, Account.class).setParameter("username", username)
                .getResultStream().findFirst();
    }

    /** The account with this address (lower case), enabled or not. */
    public Optional<Account> byAddress(String address) {
        return em.createNamedQuery(Account.BY_ADDRESS, Account.class).setParameter("address", address)
                .getResultStream().findFirst();
    }

    /** Inserts a new account row now (its id and the unique indexes are checked at once). */
    public void add(Account account) {
        em.persist(account);
        em.flush();
    }

    /** Whether the account {@code username}'s own address is of {@code domain}. */
    public boolean addressInDomain(String username, String domain) {
        return ((Number) em.createNativeQuery("select count(*) from account where username = ?1"
                + " and split_part(address, '@', 2) = ?2").setParameter(1, username).setParameter(2, domain)
                .getSingleResult()).intValue() > 0;
    }
}
