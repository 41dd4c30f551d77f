package fr.preau.identity;

import fr.preau.settings.AcademySettings;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/**
 * Calls the identity services as the establishment administrator {@value #USERNAME} of establishment
 * {@value #UAI}, as the administration pages will for an etab-admin.
 */
@Stateless
@RunAs("etab-admin")
@RunAsPrincipal(AsEtabAdmin.USERNAME)
@PermitAll
public class AsEtabAdmin extends AccountPageCaller {
    static final String USERNAME = "it.chef.etab";
    static final String UAI = "0990001X";

    @PersistenceContext
    private EntityManager em;

    @EJB
    private ProvisionalAccountService accounts;

    @EJB
    private AcademySettings settings;

    /** Puts an account (this administrator's own, or another) in establishment {@value #UAI}. */
    public void placeInEstablishment(String username) {
        em.createNativeQuery("insert into establishment (uai, name, town) values (?1, 'Collège des Tests', 'Préau')"
                + " on conflict do nothing").setParameter(1, UAI).executeUpdate();
        em.createNativeQuery("update account set establishment_uai = ?1 where username = ?2")
                .setParameter(1, UAI).setParameter(2, username).executeUpdate();
    }

    public ProvisionalPassword reissue(String username) {
        return accounts.issueProvisionalPassword(username);
    }

    public ProvisionalPassword create(String username, String domain) {
        return accounts.createAccount(username, "Cécile", "Créée", domain, UAI);
    }

    public void setting(String name, String value) {
        settings.put(name, value);
    }
}
