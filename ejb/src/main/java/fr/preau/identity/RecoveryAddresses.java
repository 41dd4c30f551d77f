package fr.preau.identity;

import java.util.List;
import java.util.Optional;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The rows of tables {@code recovery_address} (one personal address per account, verified or waiting for its link)
 * and {@code recovery_verification_sent} (the verification mails of the last day, for the hourly limit).
 */
@ApplicationScoped
@Repository
public class RecoveryAddresses {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** A pending verification: whose, which address, and whether its link is past its time. */
    public record Pending(String username, String address, boolean expired) {
    }

    /** A verified address and the account it recovers. */
    public record Verified(String username, String address) {
    }

    public Optional<RecoveryAddress> of(String username) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select address, verified_at is not null from recovery_address"
                + " where username = ?1").setParameter(1, username).getResultList();
        return rows.stream().findFirst().map(r -> new RecoveryAddress((String) r[0], (Boolean) r[1]));
    }

    /** The verified address of the enabled account whose identifier or academic address is {@code identifier}. */
    public Optional<Verified> verifiedOfEnabledAccount(String identifier) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select a.username, r.address from account a"
                + " join recovery_address r on r.username = a.username"
                + " where a.enabled and r.verified_at is not null and (a.username = ?1 or a.address = ?1)")
                .setParameter(1, identifier).getResultList();
        return rows.stream().findFirst().map(r -> new Verified((String) r[0], (String) r[1]));
    }

    /** Records {@code address} for the account, not verified, waiting 24 hours for the link of {@code tokenHash}. */
    public void register(String username, String address, String tokenHash) {
        em.createNativeQuery("insert into recovery_address (username, address, verified_at, verify_token_hash,"
                + " verify_expires_at, updated_at) values (?1, ?2, null, ?3, now() + interval '24 hours', now())"
                + " on conflict (username) do update set address = excluded.address, verified_at = null,"
                + " verify_token_hash = excluded.verify_token_hash,"
                + " verify_expires_at = excluded.verify_expires_at, updated_at = now()")
                .setParameter(1, username).setParameter(2, address).setParameter(3, tokenHash).executeUpdate();
    }

    /** The address waiting for the link of {@code tokenHash}, locked until the transaction ends. */
    public Optional<Pending> pendingForUpdate(String tokenHash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select username, address, verify_expires_at < now()"
                + " from recovery_address where verify_token_hash = ?1 for update")
                .setParameter(1, tokenHash).getResultList();
        return rows.stream().findFirst().map(r -> new Pending((String) r[0], (String) r[1], (Boolean) r[2]));
    }

    public void markVerified(String username) {
        em.createNativeQuery("update recovery_address set verified_at = now(), verify_token_hash = null,"
                + " verify_expires_at = null, updated_at = now() where username = ?1")
                .setParameter(1, username).executeUpdate();
    }

    /** Deletes the account's address, verified or not; whether there was one. */
    public boolean remove(String username) {
        return em.createNativeQuery("delete from recovery_address where username = ?1").setParameter(1, username)
                .executeUpdate() > 0;
    }

    /** Deletes the account's address if it is still waiting for verification. */
    public void removeUnverified(String username) {
        em.createNativeQuery("delete from recovery_address where username = ?1 and verified_at is null")
                .setParameter(1, username).executeUpdate();
    }

    /** How many verification mails the account was sent in the last hour. */
    public int verificationsInLastHour(String username) {
        return ((Number) em.createNativeQuery("select count(*) from recovery_verification_sent"
                + " where username = ?1 and sent_at > now() - interval '1 hour'").setParameter(1, username)
                .getSingleResult()).intValue();
    }

    /** Notes a verification mail for the account; forgets the notes older than a day. */
    public void noteVerificationSent(String username) {
        em.createNativeQuery("delete from recovery_verification_sent where sent_at < now() - interval '1 day'")
                .executeUpdate();
        em.createNativeQuery("insert into recovery_verification_sent (username) values (?1)")
                .setParameter(1, username).executeUpdate();
    }
}
