package fr.preau.lists;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import fr.preau.shared.Repository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The journal of approved held messages (V145, {@code distribution_list_release}): each step committed on its own
 * (REQUIRES_NEW), so that "releasing" is on disk before the submission and a crash after it is seen by the next try
 * (ADR 0101, as ADR 0050 for scheduled sends). No business rule: {@link ListModeration} decides.
 */
@Stateless
@Repository
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ListReleases {
    /** A message on its way out is "releasing" until the submission returned. */
    public static final String RELEASING = "releasing";
    /** The message was submitted once; only its held copy may be left to remove. */
    public static final String RELEASED = "released";

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** The state of this message of this list, if it was ever approved. */
    public Optional<String> state(long list, String messageId) {
        List<?> rows = em.createNativeQuery("select state from distribution_list_release where list_id = ?1"
                + " and message_id = ?2").setParameter(1, list).setParameter(2, messageId).getResultList();
        return rows.stream().map(String.class::cast).findFirst();
    }

    /** Writes "releasing" (the first approval only); false when a row was already there. */
    public boolean begin(long list, String messageId, String approvedBy, Instant now) {
        return em.createNativeQuery("insert into distribution_list_release (list_id, message_id, state, approved_by,"
                + " updated_at) values (?1, ?2, 'releasing', ?3, ?4) on conflict do nothing")
                .setParameter(1, list).setParameter(2, messageId).setParameter(3, approvedBy)
                .setParameter(4, java.sql.Timestamp.from(now)).executeUpdate() == 1;
    }

    /** Marks the message submitted. */
    public void released(long list, String messageId, Instant now) {
        em.createNativeQuery("update distribution_list_release set state = 'released', updated_at = ?3"
                + " where list_id = ?1 and message_id = ?2").setParameter(1, list).setParameter(2, messageId)
                .setParameter(3, java.sql.Timestamp.from(now)).executeUpdate();
    }
}
