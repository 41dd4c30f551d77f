package fr.preau.identity;

import java.util.ArrayList;
import java.util.List;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The rows of table {@code establishment_admin}: which account administers which establishment. */
@ApplicationScoped
@Repository
public class EstablishmentAdminRows {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** Every pair, with the account's name and the establishment's, by establishment then identifier. */
    @SuppressWarnings("unchecked")
    public List<EstablishmentAdministrator> all() {
        List<Object[]> rows = em.createNativeQuery("select a.username, a.display_name, e.uai,"
                + " e.name || ' (' || e.town || ')' from establishment_admin ea join account a on a.id = ea.account_id"
                + " join establishment e on e.uai = ea.establishment_uai order by e.name, e.uai, a.username")
                .getResultList();
        List<EstablishmentAdministrator> list = new ArrayList<>();
        for (Object[] r : rows) {
            list.add(new EstablishmentAdministrator((String) r[0], (String) r[1], (String) r[2], (String) r[3]));
        }
        return list;
    }

    /** Adds the pair; false when it was there already. */
    public boolean add(long accountId, String uai) {
        return em.createNativeQuery("insert into establishment_admin (account_id, establishment_uai)"
                + " values (?1, ?2) on conflict do nothing").setParameter(1, accountId).setParameter(2, uai)
                .executeUpdate() > 0;
    }

    /** Removes the pair; false when it was not there. */
    public boolean remove(long accountId, String uai) {
        return em.createNativeQuery("delete from establishment_admin where account_id = ?1"
                + " and establishment_uai = ?2").setParameter(1, accountId).setParameter(2, uai)
                .executeUpdate() > 0;
    }

    /** How many establishments the account still administers. */
    public long countOf(long accountId) {
        return ((Number) em.createNativeQuery("select count(*) from establishment_admin where account_id = ?1")
                .setParameter(1, accountId).getSingleResult()).longValue();
    }
}
