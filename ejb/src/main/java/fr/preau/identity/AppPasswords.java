package fr.preau.identity;

import java.util.List;
import java.util.Optional;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The rows of table {@code app_password} ({@link AppPassword}), which Dovecot reads at every login: whose they are
 * is checked by {@link AppPasswordService}.
 */
@ApplicationScoped
@Repository
public class AppPasswords {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** The account's app passwords, newest first. */
    public List<AppPassword> ofAccount(long accountId) {
        return em.createNamedQuery(AppPassword.OF_ACCOUNT, AppPassword.class).setParameter("account", accountId)
                .getResultList();
    }

    public boolean selectorTaken(long accountId, String selector) {
        return !em.createQuery("select p.id from AppPassword p where p.accountId = :account and p.selector = :s")
                .setParameter("account", accountId).setParameter("s", selector).getResultList().isEmpty();
    }

    /** Inserts it now (its id is known on return). */
    public void add(AppPassword password) {
        em.persist(password);
        em.flush();
    }

    public Optional<AppPassword> find(long id) {
        return Optional.ofNullable(em.find(AppPassword.class, id));
    }

    /** Deletes it now: the next login with it fails. */
    public void remove(AppPassword password) {
        em.remove(password);
        em.flush();
    }

    /** Deletes every app password of the account {@code username}; how many went. */
    public int removeAll(String username) {
        return em.createNativeQuery("delete from app_password where account_id in"
                + " (select id from account where username = ?1)").setParameter(1, username).executeUpdate();
    }
}
