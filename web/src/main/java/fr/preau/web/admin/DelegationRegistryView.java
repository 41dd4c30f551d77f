package fr.preau.web.admin;

import java.io.Serializable;
import java.util.List;

import fr.preau.delegation.Delegation;
import fr.preau.delegation.registry.DelegationOversight;
import fr.preau.web.delegation.DelegationsView;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/**
 * "Délégations en cours" (issue 13, item 5): the open delegations an administrator oversees — all of them for an
 * academy administrator, those of their establishments' owners for an establishment administrator
 * ({@link DelegationOversight}); who, to whom, which rights, since, until, granted by. Read only.
 */
@Named
@ViewScoped
public class DelegationRegistryView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private DelegationOversight oversight;

    private List<Delegation> open;

    @PostConstruct
    void init() {
        open = oversight.open();
    }

    public List<Delegation> getOpen() {
        return open;
    }

    public String rights(Delegation d) {
        return DelegationsView.rightsInWords(d.rights());
    }

    public String until(Delegation d) {
        return DelegationsView.lastDay(d);
    }
}
