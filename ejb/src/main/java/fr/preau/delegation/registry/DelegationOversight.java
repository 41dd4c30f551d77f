package fr.preau.delegation.registry;

import java.util.List;

import fr.preau.delegation.Delegation;
import fr.preau.delegation.DelegationRows;
import fr.preau.identity.AdministeredAccounts;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The administrators' registry of delegations (issue 13, item 5; docs/adr/0103): an academy administrator sees every
 * open (pending or active) delegation, an establishment administrator those whose owner belongs to one of their
 * establishments (the scope of {@code /admin/comptes}, {@link AdministeredAccounts}); read only, the history is in
 * the audit log.
 */
@Stateless
@RolesAllowed({"admin", "etab-admin"})
@ServiceBoundary
public class DelegationOversight {
    /** Rows shown at most. */
    public static final int MAX = 500;

    @Inject
    private DelegationRows rows;

    @EJB
    private AdministeredAccounts administered;

    /** The open delegations the caller oversees, newest first. */
    public List<Delegation> open() {
        return rows.openOwnedIn(administered.establishments().orElse(null), MAX);
    }

    /** The open delegations of the functional mailboxes the caller administers (docs/adr/0105), newest first. */
    public List<Delegation> functional() {
        return rows.openOfFunctionalIn(administered.establishments().orElse(null), MAX);
    }
}
