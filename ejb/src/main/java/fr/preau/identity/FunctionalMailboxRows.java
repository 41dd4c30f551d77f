package fr.preau.identity;

import java.util.Collection;
import java.util.List;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The functional mailboxes among the rows of {@code account} (column {@code functional}, migration V175), with the
 * name of their establishment. Decides nothing about who may see them: {@link FunctionalMailboxService} does.
 */
@ApplicationScoped
@Repository
public class FunctionalMailboxRows {
    private static final String SELECT = "select a.address, a.display_name, a.establishment_uai, e.name"
            + " from account a join establishment e on e.uai = a.establishment_uai where a.functional and a.enabled";

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** The enabled functional mailboxes of {@code establishments} (every one when null), by establishment, name. */
    public List<FunctionalMailbox> of(Collection<String> establishments) {
        if (establishments != null && establishments.isEmpty()) {
            return List.of();
        }
        String order = " order by e.name, a.display_name, a.address";
        List<?> rows = establishments == null ? em.createNativeQuery(SELECT + order).getResultList()
                : em.createNativeQuery(SELECT + " and a.establishment_uai in (?1)" + order)
                        .setParameter(1, establishments).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new FunctionalMailbox((String) r[0], (String) r[1],
                (String) r[2], (String) r[3])).toList();
    }
}
