package fr.preau.settings.quota;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The rows of table {@code quota_class}, with the number of accounts in each; what a class may hold and who may
 * change it is {@link QuotaClasses}' decision.
 */
@ApplicationScoped
@Repository
public class QuotaClassRows {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** Every class, by label, with the number of its accounts. */
    @SuppressWarnings("unchecked")
    public List<QuotaClass> all() {
        List<Object[]> rows = em.createNativeQuery("select q.code, q.label, q.storage_mb, q.attachment_mb,"
                + " q.archive_days, (select count(*) from account a where a.quota_class = q.code)"
                + " from quota_class q order by q.label, q.code").getResultList();
        List<QuotaClass> classes = new ArrayList<>();
        for (Object[] r : rows) {
            classes.add(new QuotaClass((String) r[0], (String) r[1], ((Number) r[2]).intValue(), integer(r[3]),
                    integer(r[4]), ((Number) r[5]).longValue()));
        }
        return classes;
    }

    /**
     * The attachment limit of the class of the enabled account whose address (when {@code key} holds an {@code @})
     * or identifier is {@code key}; empty when it has none or there is no such account.
     */
    public Optional<Integer> attachmentMbOfEnabled(String key) {
        List<?> rows = em.createNativeQuery("select q.attachment_mb from account a join quota_class q"
                + " on q.code = a.quota_class where a.enabled and " + (key.contains("@") ? "a.address" : "a.username")
                + " = ?1").setParameter(1, key).getResultList();
        return rows.isEmpty() || rows.get(0) == null ? Optional.empty()
                : Optional.of(((Number) rows.get(0)).intValue());
    }

    /** Inserts the class; nothing when its code is taken. */
    public void insert(QuotaClass q) {
        em.createNativeQuery("insert into quota_class (code, label, storage_mb, attachment_mb, archive_days)"
                + " values (?1, ?2, ?3, cast(?4 as integer), cast(?5 as integer)) on conflict (code) do nothing")
                .setParameter(1, q.code())
                .setParameter(2, q.label()).setParameter(3, q.storageMb())
                .setParameter(4, q.attachmentMb()).setParameter(5, q.archiveDays()).executeUpdate();
    }

    /** Writes the label and limits of the class {@code q.code()}. */
    public void update(QuotaClass q) {
        em.createNativeQuery("update quota_class set label = ?2, storage_mb = ?3,"
                + " attachment_mb = cast(?4 as integer), archive_days = cast(?5 as integer) where code = ?1")
                .setParameter(1, q.code()).setParameter(2, q.label())
                .setParameter(3, q.storageMb()).setParameter(4, q.attachmentMb()).setParameter(5, q.archiveDays())
                .executeUpdate();
    }

    /**
     * Locks the class until the transaction ends (an account put in it meanwhile waits, then is refused by the
     * foreign key) and counts its accounts.
     */
    public long lockAndCountAccounts(String code) {
        em.createNativeQuery("select code from quota_class where code = ?1 for update").setParameter(1, code)
                .getResultList();
        return ((Number) em.createNativeQuery("select count(*) from account where quota_class = ?1")
                .setParameter(1, code).getSingleResult()).longValue();
    }

    public void delete(String code) {
        em.createNativeQuery("delete from quota_class where code = ?1").setParameter(1, code).executeUpdate();
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
