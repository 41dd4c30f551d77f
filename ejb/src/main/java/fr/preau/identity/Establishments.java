package fr.preau.identity;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The rows of table {@code establishment} (UAI, name, town). */
@ApplicationScoped
@Repository
public class Establishments {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    public boolean exists(String uai) {
        return ((Number) em.createNativeQuery("select count(*) from establishment where uai = ?1")
                .setParameter(1, uai).getSingleResult()).intValue() > 0;
    }
}
