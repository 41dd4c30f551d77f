package fr.preau.batch.archive;

import fr.preau.settings.AcademySettings;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Accounts, quota classes and settings of the archiving tests, written inside the server. */
@Stateless
@PermitAll
@RunAs("admin")
public class ArchiveFixture {
    @PersistenceContext
    private EntityManager em;

    @EJB
    private AcademySettings settings;

    /** The account, enabled, with its own policy (null: inherit) in this quota class. */
    public void account(String username, String address, Integer days, String quotaClass) {
        em.createNativeQuery("insert into account (username, address, display_name, quota_class, enabled,"
                + " archive_days) values (?1, ?2, ?1, ?3, true, cast(?4 as integer)) on conflict (username)"
                + " do update set enabled = true, quota_class = excluded.quota_class,"
                + " archive_days = excluded.archive_days")
                .setParameter(1, username).setParameter(2, address).setParameter(3, quotaClass)
                .setParameter(4, days).executeUpdate();
    }

    /** A quota class of the tests with its own archiving policy. */
    public void quotaClass(String code, Integer days) {
        em.createNativeQuery("insert into quota_class (code, label, storage_mb, attachment_mb, archive_days)"
                + " values (?1, ?1, 2048, 10, cast(?2 as integer))"
                + " on conflict (code) do update set archive_days = excluded.archive_days")
                .setParameter(1, code).setParameter(2, days).executeUpdate();
    }

    /** Sets an academy setting, or with null removes it. */
    public void setting(String name, String value) {
        settings.put(name, value);
    }
}
