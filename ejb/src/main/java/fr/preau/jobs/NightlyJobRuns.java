package fr.preau.jobs;

import java.time.LocalDate;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The rows of table {@code nightly_job_run}: one per job and night once claimed (its primary key makes the claim
 * exclusive across nodes), with the execution that was started for it.
 */
@ApplicationScoped
@Repository
public class NightlyJobRuns {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    public boolean claimed(String job, LocalDate night) {
        return !em.createNativeQuery("select 1 from nightly_job_run where job_name = ?1 and night = ?2")
                .setParameter(1, job).setParameter(2, night).getResultList().isEmpty();
    }

    /** Inserts the run; false when it was already there. */
    public boolean claim(String job, LocalDate night) {
        return em.createNativeQuery("insert into nightly_job_run (job_name, night) values (?1, ?2)"
                + " on conflict do nothing").setParameter(1, job).setParameter(2, night).executeUpdate() == 1;
    }

    public void started(String job, LocalDate night, long execution) {
        em.createNativeQuery("update nightly_job_run set execution_id = ?3 where job_name = ?1 and night = ?2")
                .setParameter(1, job).setParameter(2, night).setParameter(3, execution).executeUpdate();
    }

    /** Deletes the run if no execution was noted for it. */
    public void release(String job, LocalDate night) {
        em.createNativeQuery("delete from nightly_job_run where job_name = ?1 and night = ?2 and execution_id is null")
                .setParameter(1, job).setParameter(2, night).executeUpdate();
    }
}
