package fr.preau.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import fr.preau.shared.Repository;
import fr.preau.shared.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The rows of table {@code account} as the nightly job {@code password-expiry} reads them (enabled, not suspended):
 * their order for the job's paging, their last activity, and the date of their password copied from Keycloak.
 */
@ApplicationScoped
@Repository
public class ExpiryAccounts {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** An account as the job reads it; {@code lastActivity}: its last sign-in anywhere, or its creation. */
    public record Row(long id, String username, String address, Instant passwordCreated, Instant lastActivity) {
    }

    /**
     * The identifiers after {@code after} (null: from the first), in order, of the enabled accounts not suspended
     * whose identifier is like {@code pattern} (SQL LIKE); at most {@code limit}.
     */
    @SuppressWarnings("unchecked")
    public List<String> after(String after, String pattern, int limit) {
        return em.createNativeQuery("select username from account where enabled and suspended_at is null"
                + " and username > ?1 and username like ?2 order by username limit " + Math.max(1, limit))
                .setParameter(1, after == null ? "" : after).setParameter(2, pattern).getResultList();
    }

    /** The enabled account {@code username}, if it is not suspended. */
    public Optional<Row> row(String username) {
        List<?> rows = em.createNativeQuery("select a.id, a.username, a.address, a.password_created_at,"
                + " greatest(a.created_at, a.last_sign_in_at) from account a"
                + " where a.username = ?1 and a.enabled and a.suspended_at is null")
                .setParameter(1, username).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new Row(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                SqlTimes.instant(r[3]), SqlTimes.instant(r[4])));
    }

    /** Notes the creation date of the account's current password (Keycloak's). */
    public void passwordCreated(long account, Instant created) {
        em.createNativeQuery("update account set password_created_at = ?2 where id = ?1")
                .setParameter(1, account).setParameter(2, utc(created)).executeUpdate();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

}
