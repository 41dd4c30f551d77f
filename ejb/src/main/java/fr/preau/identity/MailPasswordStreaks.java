package fr.preau.identity;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The rows of table {@code mail_password_streak} (written by Dovecot's SQL, migration V87; ended here). */
@ApplicationScoped
@Repository
public class MailPasswordStreaks {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** Deletes the streak of the account {@code username}. */
    public void end(String username) {
        em.createNativeQuery("delete from mail_password_streak where account_id in "
                + "(select id from account where username = ?1)").setParameter(1, username).executeUpdate();
    }
}
