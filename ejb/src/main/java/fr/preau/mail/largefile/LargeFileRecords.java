package fr.preau.mail.largefile;

import java.util.List;

import fr.preau.shared.NotFoundException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The rows of {@link LargeFileService}, each read or write in its own short transaction, so that a chunk that
 * takes minutes to arrive never holds a database connection or a lock while it is copied. Only the service calls
 * it; it checks who may act.
 */
@Stateless
@PermitAll
public class LargeFileRecords {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** The account's unfinished upload; {@code largefile.error.gone} when it is not one. */
    public Upload unfinished(long id, long account) {
        List<?> rows = em.createNativeQuery("select storage_name, declared_size, file_name, size_bytes"
                        + " from large_file where id = ?1 and account_id = ?2 and not complete and deleted_at is null")
                .setParameter(1, id).setParameter(2, account).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("largefile.error.gone", String.valueOf(id));
        }
        Object[] r = (Object[]) rows.get(0);
        return new Upload(id, (String) r[0], ((Number) r[1]).longValue(), (String) r[2], ((Number) r[3]).longValue());
    }

    /** Records the bytes received so far, unless the upload was dropped or finished meanwhile. */
    public boolean received(long id, long total) {
        return em.createNativeQuery("update large_file set size_bytes = ?2 where id = ?1 and not complete"
                + " and deleted_at is null").setParameter(1, id).setParameter(2, total).executeUpdate() == 1;
    }

    /** Marks an unfinished upload dropped: it no longer counts in its owner's storage. */
    public void dropped(long id) {
        em.createNativeQuery("update large_file set deleted_at = now() where id = ?1 and not complete"
                + " and deleted_at is null").setParameter(1, id).executeUpdate();
    }

    /** An unfinished upload: where its bytes go, how many were announced and how many arrived. */
    public record Upload(long id, String storageName, long declaredSize, String fileName, long received) {
    }
}
