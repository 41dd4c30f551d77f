package fr.preau.batch.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import fr.preau.shared.Deployment;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Feeds, accounts and directory rows of the directory-import tests, inside the server. */
@Stateless
@PermitAll
public class DirectoryFixture {
    @PersistenceContext
    private EntityManager em;

    /** Writes a feed named {@code name} into the feed folder the job reads. */
    public void feed(String name, List<String> lines) throws IOException {
        Path dir = Deployment.directoryFeedDir();
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
    }

    /** An account row (no Keycloak user: the import only links it). */
    public void account(String username, String address, String uai) {
        em.createNativeQuery("insert into establishment (uai, name, town) values (?1, 'Ancien', 'Ailleurs')"
                + " on conflict do nothing").setParameter(1, uai).executeUpdate();
        em.createNativeQuery("insert into account (username, address, display_name, establishment_uai)"
                + " values (?1, ?2, ?1, ?3) on conflict (username) do nothing").setParameter(1, username)
                .setParameter(2, address).setParameter(3, uai).executeUpdate();
    }

    /** The account's establishment. */
    public String accountEstablishment(String username) {
        return (String) em.createNativeQuery("select establishment_uai from account where username = ?1")
                .setParameter(1, username).getSingleResult();
    }

    /** A disciplinary list of the mathematics teachers of département 038 (made if missing); its id. */
    public long mathematicsList(String address) {
        return ((Number) em.createNativeQuery("insert into distribution_list (address, name, kind, discipline,"
                + " departement) values (?1, 'Mathématiques 038', 'disciplinaire', 'Mathématiques', '038') on conflict"
                + " (address) do update set name = excluded.name returning id").setParameter(1, address)
                .getSingleResult()).longValue();
    }

    /** Whether the account is a member of list {@code list}. */
    public boolean member(long list, String username) {
        return !em.createNativeQuery("select 1 from distribution_list_member m join account a on a.id = m.account_id"
                + " where m.list_id = ?1 and a.username = ?2").setParameter(1, list).setParameter(2, username)
                .getResultList().isEmpty();
    }

    /**
     * The person's row as {@code last_name|first_name|function|discipline|uai|work_phone|personal_phone|address|
     * account username|disabled}, or null.
     */
    public String person(String hrId) {
        List<?> rows = em.createNativeQuery("select concat_ws('|', p.last_name, p.first_name, p.function_code,"
                + " coalesce(p.discipline, '-'), p.establishment_uai, coalesce(p.work_phone, '-'),"
                + " coalesce(p.personal_phone, '-'), coalesce(p.address, '-'), coalesce(a.username, '-'),"
                + " (p.disabled_at is not null)::text) from directory_person p"
                + " left join account a on a.id = p.account_id where p.hr_id = ?1")
                .setParameter(1, hrId).getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    /** People whose matricule starts with {@code prefix}: {@code [all, enabled]}. */
    public long[] people(String prefix) {
        Object[] r = (Object[]) em.createNativeQuery("select count(*), count(*) filter (where disabled_at is null)"
                + " from directory_person where hr_id like ?1").setParameter(1, prefix + "%").getSingleResult();
        return new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()};
    }

    /** The establishment's {@code name|town|kind|circonscription}. */
    public String establishment(String uai) {
        return (String) em.createNativeQuery("select concat_ws('|', name, town, kind, circonscription)"
                + " from establishment where uai = ?1").setParameter(1, uai).getSingleResult();
    }

    /** The faults of the import (job instance) as {@code line:key}. */
    @SuppressWarnings("unchecked")
    public List<String> faults(long instance) {
        return em.createNativeQuery("select line || ':' || fault from directory_import_fault where job_instance = ?1"
                + " order by line").setParameter(1, instance).getResultList();
    }

    /** Deletes the bench's people (matricules starting with {@code prefix}) and their faults. */
    /** The account {@code username} (made if missing), to ask for suggestions as. */
    public void account(String username, String address) {
        em.createNativeQuery("insert into account (username, address, display_name, quota_class, enabled)"
                + " values (?1, ?2, ?1, 'standard', true) on conflict (username) do nothing")
                .setParameter(1, username).setParameter(2, address).executeUpdate();
    }

    public void deleteBenchPeople(String prefix) {
        em.createNativeQuery("delete from directory_person where hr_id like ?1").setParameter(1, prefix + "%")
                .executeUpdate();
    }
}
