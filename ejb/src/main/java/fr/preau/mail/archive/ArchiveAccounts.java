package fr.preau.mail.archive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import fr.preau.shared.Component;
import fr.preau.shared.Repository;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import javax.sql.DataSource;

/** The accounts {@link MailArchiving} goes through, their archiving policies, and its lock per mailbox. */
@ApplicationScoped
@Repository
public class ArchiveAccounts {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/PreauDS")
    private DataSource database;

    /**
     * Enabled accounts of one partition ({@code id mod partitions = partition}) whose address matches {@code like}
     * and comes after {@code after}, in address order, at most {@code limit}, each with its policy: the account's,
     * else its quota class's, else {@code academyDays}.
     */
    public List<ArchivePolicy> partition(int partition, int partitions, String like, String after, int limit,
            int academyDays) {
        List<?> rows = em.createNativeQuery("select a.address, a.archive_days, q.archive_days from account a"
                + " join quota_class q on q.code = a.quota_class where a.enabled and mod(a.id, ?1) = ?2"
                + " and a.address like ?5 and a.address > ?3 order by a.address limit ?4")
                .setParameter(1, partitions).setParameter(2, partition).setParameter(3, after == null ? "" : after)
                .setParameter(4, limit).setParameter(5, like == null || like.isBlank() ? "%" : like).getResultList();
        List<ArchivePolicy> result = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            result.add(new ArchivePolicy((String) r[0], ArchivePolicy.effective(integer(r[1]), integer(r[2]),
                    academyDays)));
        }
        return result;
    }

    /**
     * Runs {@code work} while holding the archiving lock of the address: a PostgreSQL advisory lock of a local
     * transaction on a connection of its own ({@code pg_advisory_xact_lock}), which that transaction's end releases
     * whatever happens; a second caller waits.
     */
    public <T> T oneAtATime(String address, Supplier<T> work) {
        try (Connection lock = database.getConnection()) {
            lock.setAutoCommit(false);
            try {
                try (PreparedStatement take = lock.prepareStatement(
                        "select pg_advisory_xact_lock(hashtext('mail-archiving'), hashtext(?))")) {
                    take.setString(1, address);
                    take.executeQuery().close();
                }
                return work.get();
            } finally {
                // The lock belongs to this local transaction: its end releases it, and so would the connection's
                // end if the rollback itself failed. Nothing of it can stay on a connection back in the pool.
                lock.rollback();
                lock.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new ServiceUnavailableException(Component.DATABASE, e);
        }
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
