package fr.preau.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/**
 * The accounts page of {@value #USERNAME}, establishment administrator of {@value #UAI} only: every action on an
 * account of another establishment must be refused by the services.
 */
@Stateless
@RunAs("etab-admin")
@RunAsPrincipal(AsOtherEtabAdmin.USERNAME)
@PermitAll
public class AsOtherEtabAdmin extends AccountPageCaller {
    static final String USERNAME = "it.chef.autre";
    static final String UAI = "0990002Y";

    @PersistenceContext
    private EntityManager em;

    /** This administrator's own account row, in establishment {@value #UAI}. */
    public void ensureOwnAccount(String domain) {
        em.createNativeQuery("insert into establishment (uai, name, town) values (?1, 'Lycée de l''Autre Rive',"
                + " 'Préau') on conflict do nothing").setParameter(1, UAI).executeUpdate();
        em.createNativeQuery("insert into account (username, address, display_name, establishment_uai)"
                + " values (?1, ?2, 'Chef Autre', ?3) on conflict (username) do update set establishment_uai = ?3")
                .setParameter(1, USERNAME).setParameter(2, USERNAME + "@" + domain).setParameter(3, UAI)
                .executeUpdate();
    }
}
