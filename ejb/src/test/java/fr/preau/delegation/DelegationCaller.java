package fr.preau.delegation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import fr.preau.delegation.registry.DelegationOversight;
import fr.preau.delegation.registry.DelegationRegistry;
import fr.preau.identity.FunctionalMailbox;
import fr.preau.identity.FunctionalMailboxService;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;

/** The delegation services as a signed-in test user calls them; subclasses say which user (@PermitAll here too). */
@PermitAll
public abstract class DelegationCaller {
    @EJB
    private DelegationRegistry registry;

    @EJB
    private Delegations delegations;

    @EJB
    private DelegationOversight oversight;

    @EJB
    private FunctionalMailboxService functionalMailboxes;

    /** Creates a functional mailbox (administrators only). */
    public FunctionalMailbox createFunctional(String address, String displayName, String uai) {
        return functionalMailboxes.create(address, displayName, uai);
    }

    /** Opens a functional mailbox to a member of its establishment's staff (administrators only). */
    public Delegation grantFunctional(String mailbox, String colleague, DelegationRights rights) {
        return registry.grantFunctional(mailbox, colleague, rights, null);
    }

    /** The administrators' registry (refused to a plain user). */
    public List<Delegation> oversee() {
        return oversight.open();
    }

    public Delegation grant(String colleague, DelegationRights rights, LocalDate until) {
        return registry.grant(colleague, rights, until);
    }

    public Delegation accept(long id) {
        return registry.accept(id);
    }

    public void refuse(long id) {
        registry.refuse(id);
    }

    public void end(long id) {
        registry.end(id);
    }

    public Delegation change(long id, DelegationRights rights, LocalDate until) {
        return registry.change(id, rights, until);
    }

    public List<Delegation> given() {
        return registry.given();
    }

    public List<Delegation> received() {
        return registry.received();
    }

    public Optional<DelegationRights> rights(String actor, String owner) {
        return delegations.rights(actor, owner);
    }
}
