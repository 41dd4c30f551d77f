package fr.preau.identity;

import java.util.List;
import java.util.Optional;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The rows of table {@code recovery_token}: the hashes of the password reset links, valid an hour, used once. */
@ApplicationScoped
@Repository
public class RecoveryTokens {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** Whether a link was used, and whether it is past its time. */
    public record State(boolean used, boolean expired) {
    }

    /** How many links the account was sent in the last hour. */
    public int createdInLastHour(String username) {
        return ((Number) em.createNativeQuery("select count(*) from recovery_token where username = ?1"
                + " and created_at > now() - interval '1 hour'").setParameter(1, username).getSingleResult())
                .intValue();
    }

    /** A new link for the account, valid an hour. */
    public void add(String tokenHash, String username) {
        em.createNativeQuery("insert into recovery_token (token_hash, username, expires_at)"
                + " values (?1, ?2, now() + interval '1 hour')")
                .setParameter(1, tokenHash).setParameter(2, username).executeUpdate();
    }

    public Optional<State> state(String tokenHash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select used_at is not null, expires_at < now()"
                + " from recovery_token where token_hash = ?1").setParameter(1, tokenHash).getResultList();
        return rows.stream().findFirst().map(r -> new State((Boolean) r[0], (Boolean) r[1]));
    }

    /** Uses the link if it is still unused and valid (one caller wins); the account it resets. */
    public Optional<String> claim(String tokenHash) {
        @SuppressWarnings("unchecked")
        List<String> claimed = em.createNativeQuery("update recovery_token set used_at = now()"
                + " where token_hash = ?1 and used_at is null and expires_at >= now() returning username")
                .setParameter(1, tokenHash).getResultList();
        return claimed.stream().findFirst();
    }

    /** Uses up every pending link of the account. */
    public void useAll(String username) {
        em.createNativeQuery("update recovery_token set used_at = now() where username = ?1 and used_at is null")
                .setParameter(1, username).executeUpdate();
    }
}
