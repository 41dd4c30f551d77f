package fr.preau.mail.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The rows of {@link SignatureService}: tables {@code mail_signature} (with its default) and {@code mail_template},
 * every statement limited to one account.
 */
@ApplicationScoped
@Repository
public class SignatureStore {
    /** The two tables of snippets. */
    public enum Kind {
        SIGNATURE("mail_signature", "is_default"), TEMPLATE("mail_template", "false");

        private final String table;
        private final String defaultColumn;

        Kind(String table, String defaultColumn) {
            this.table = table;
            this.defaultColumn = defaultColumn;
        }
    }

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** The account's snippets of that kind, by name. */
    public List<Snippet> list(Kind kind, long account) {
        List<Snippet> result = new ArrayList<>();
        for (Object row : em.createNativeQuery("select id, name, body_html, " + kind.defaultColumn + " from "
                + kind.table + " where account_id = ?1 order by lower(name)").setParameter(1, account)
                .getResultList()) {
            Object[] c = (Object[]) row;
            result.add(new Snippet(((Number) c[0]).longValue(), (String) c[1], (String) c[2],
                    Boolean.TRUE.equals(c[3])));
        }
        return result;
    }

    /** Whether another snippet of the account (not {@code id}) has that name. */
    public boolean nameTaken(Kind kind, long account, String name, Long id) {
        return !em.createNativeQuery("select id from " + kind.table + " where account_id = ?1 and name = ?2"
                + " and id <> ?3").setParameter(1, account).setParameter(2, name)
                .setParameter(3, id == null ? -1L : id).getResultList().isEmpty();
    }

    public long insert(Kind kind, long account, String name, String body) {
        return ((Number) em.createNativeQuery("insert into " + kind.table
                + " (account_id, name, body_html) values (?1, ?2, ?3) returning id")
                .setParameter(1, account).setParameter(2, name).setParameter(3, body).getSingleResult()).longValue();
    }

    /** Changes the account's snippet; empty when it has none with that id. */
    public Optional<Long> update(Kind kind, long id, long account, String name, String body) {
        int changed = em.createNativeQuery("update " + kind.table + " set name = ?1, body_html = ?2"
                + " where id = ?3 and account_id = ?4").setParameter(1, name).setParameter(2, body)
                .setParameter(3, id).setParameter(4, account).executeUpdate();
        return changed == 0 ? Optional.empty() : Optional.of(id);
    }

    public void delete(Kind kind, long id, long account) {
        em.createNativeQuery("delete from " + kind.table + " where id = ?1 and account_id = ?2")
                .setParameter(1, id).setParameter(2, account).executeUpdate();
    }

    /** Makes {@code id} the account's default signature ({@code byDefault}) or not; only one is. */
    public void setDefault(long id, long account, boolean byDefault) {
        if (byDefault) {
            em.createNativeQuery("update mail_signature set is_default = false where account_id = ?1")
                    .setParameter(1, account).executeUpdate();
        }
        em.createNativeQuery("update mail_signature set is_default = ?1 where id = ?2 and account_id = ?3")
                .setParameter(1, byDefault).setParameter(2, id).setParameter(3, account).executeUpdate();
    }
}
