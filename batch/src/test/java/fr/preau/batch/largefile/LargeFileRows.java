package fr.preau.batch.largefile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import fr.preau.mail.largefile.LargeFileStorage;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Large-file rows and their files, as uploads leave them, straight in PostgreSQL and the storage folder. */
@Stateless
@PermitAll
public class LargeFileRows {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private LargeFileStorage storage;

    /** A stored file whose link expires at {@code now() + expiresIn} (a PostgreSQL interval); returns its id. */
    public long stored(String address, boolean complete, String expiresIn) throws IOException {
        em.createNativeQuery("insert into account (username, address, display_name, quota_class, enabled)"
                + " values (?1, ?2, 'Test Purge', 'standard', true) on conflict (username) do nothing")
                .setParameter(1, address.substring(0, address.indexOf('@'))).setParameter(2, address)
                .executeUpdate();
        String name = UUID.randomUUID().toString().replace("-", "");
        Files.write(storage.file(name), new byte[] {1, 2, 3, 4});
        Number id = (Number) em.createNativeQuery("insert into large_file (account_id, token_hash, file_name,"
                        + " content_type, declared_size, size_bytes, storage_name, complete, expires_at, downloads)"
                        + " select id, ?2, 'bulletins.zip', 'application/zip', 4, 4, ?3, ?4,"
                        + " now() + cast(?5 as interval), 3 from account where address = ?1 returning id")
                .setParameter(1, address).setParameter(2, complete ? UUID.randomUUID().toString() : null)
                .setParameter(3, name).setParameter(4, complete).setParameter(5, expiresIn).getSingleResult();
        return id.longValue();
    }

    public boolean fileExists(long id) {
        return Files.exists(file(id));
    }

    private Path file(long id) {
        return storage.file((String) em.createNativeQuery("select storage_name from large_file where id = ?1")
                .setParameter(1, id).getSingleResult());
    }

    /** Whether the row is marked deleted; the row itself must still be there. */
    public boolean markedDeleted(long id) {
        return (Boolean) em.createNativeQuery("select deleted_at is not null from large_file where id = ?1")
                .setParameter(1, id).getSingleResult();
    }

    public int downloads(long id) {
        return ((Number) em.createNativeQuery("select downloads from large_file where id = ?1").setParameter(1, id)
                .getSingleResult()).intValue();
    }
}
