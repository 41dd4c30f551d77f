package fr.preau.mail.imap;

import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import fr.preau.shared.Repository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The moves in flight (table {@code mail_move_journal}, ADR 0022): one row per UID MOVE command, written before it
 * and deleted once Dovecot answered, each in its own transaction so that it is on disk before the command starts.
 */
@Stateless
@Repository
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MoveJournal {
    /** Rows whose command runs now in this server: a repair leaves them alone. */
    private static final Set<Long> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** A UID MOVE command that did not say it ended. */
    public record PendingMove(long id, String source, long sourceValidity, long[] sourceUids, String destination,
            long destValidity, long destUidNext) {
    }

    /** Writes the command about to run; returns its row. */
    public long begin(String mailbox, String source, long sourceValidity, long[] uids, String destination,
            long destValidity, long destUidNext) {
        Number id = (Number) em.createNativeQuery("insert into mail_move_journal (mailbox, source, source_validity, "
                + "source_uids, destination, dest_validity, dest_uid_next) values (?1, ?2, ?3, cast(?4 as bigint[]), "
                + "?5, ?6, ?7) returning id")
                .setParameter(1, mailbox).setParameter(2, source).setParameter(3, sourceValidity)
                .setParameter(4, arrayLiteral(uids)).setParameter(5, destination).setParameter(6, destValidity)
                .setParameter(7, destUidNext).getSingleResult();
        IN_FLIGHT.add(id.longValue());
        return id.longValue();
    }

    /** The command ended (either way, Dovecot answered): forgets it. */
    public void done(long id) {
        IN_FLIGHT.remove(id);
        em.createNativeQuery("delete from mail_move_journal where id = ?1").setParameter(1, id).executeUpdate();
    }

    /** The command was cut off: stays in the journal for the next repair, no longer in flight. */
    public void interrupted(long id) {
        IN_FLIGHT.remove(id);
    }

    /** Commands of the mailbox that were cut off, oldest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<PendingMove> pending(String mailbox) {
        List<?> rows = em.createNativeQuery("select id, source, source_validity, source_uids, destination, "
                + "dest_validity, dest_uid_next from mail_move_journal where mailbox = ?1 order by id")
                .setParameter(1, mailbox).getResultList();
        List<PendingMove> result = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            long id = ((Number) r[0]).longValue();
            if (!IN_FLIGHT.contains(id)) {
                result.add(new PendingMove(id, (String) r[1], ((Number) r[2]).longValue(), longs(r[3]),
                        (String) r[4], ((Number) r[5]).longValue(), ((Number) r[6]).longValue()));
            }
        }
        return result;
    }

    static String arrayLiteral(long[] uids) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < uids.length; i++) {
            text.append(i == 0 ? "" : ",").append(uids[i]);
        }
        return text.append('}').toString();
    }

    private static long[] longs(Object value) {
        try {
            Object array = value instanceof Array sql ? sql.getArray() : value;
            if (array instanceof Long[] boxed) {
                return Arrays.stream(boxed).mapToLong(Long::longValue).toArray();
            }
            if (array instanceof long[] plain) {
                return plain;
            }
            if (array instanceof Object[] objects) {
                return Arrays.stream(objects).mapToLong(o -> ((Number) o).longValue()).toArray();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("mail_move_journal.source_uids unreadable", e);
        }
        throw new IllegalStateException("mail_move_journal.source_uids: " + value.getClass());
    }
}
