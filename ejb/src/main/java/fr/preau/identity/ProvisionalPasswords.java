package fr.preau.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The rows of table {@code provisional_password}: when and by whom an account's provisional password was issued,
 * and when it was expired unused. The password itself is never stored.
 */
@ApplicationScoped
@Repository
public class ProvisionalPasswords {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** Notes a provisional password issued now to {@code username} by {@code issuedBy} (replacing an older one). */
    public void issued(String username, String issuedBy) {
        em.createNativeQuery("insert into provisional_password (username, issued_at, issued_by) values (?1, now(), ?2)"
                + " on conflict (username) do update set issued_at = now(), issued_by = excluded.issued_by,"
                + " expired_at = null")
                .setParameter(1, username).setParameter(2, issuedBy).executeUpdate();
    }

    /**
     * The identifiers like {@code usernames} (SQL LIKE) whose provisional password, issued before {@code cutoff}, is
     * not expired.
     */
    @SuppressWarnings("unchecked")
    public List<String> issuedBefore(Instant cutoff, String usernames) {
        return em.createNativeQuery("select username from provisional_password"
                + " where issued_at < ?1 and expired_at is null and username like ?2")
                .setParameter(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .setParameter(2, usernames).getResultList();
    }

    public void expired(String username) {
        em.createNativeQuery("update provisional_password set expired_at = now() where username = ?1")
                .setParameter(1, username).executeUpdate();
    }

    public void forget(String username) {
        em.createNativeQuery("delete from provisional_password where username = ?1").setParameter(1, username)
                .executeUpdate();
    }
}
