package fr.preau.identity;

import java.util.List;
import java.util.Locale;

import fr.preau.account.Account;
import fr.preau.account.AccountService;
import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.keycloak.admin.client.resource.RoleScopeResource;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * The establishment administrators' page (issue 11; docs/adr/0094): which accounts are {@code etab-admin} of which
 * establishments (table {@code establishment_admin}, read by {@link AdministeredAccounts}), role {@code admin}
 * only. Naming one grants the Keycloak realm role {@code etab-admin} when the account lacks it; withdrawing the last
 * establishment of an account removes the role and ends its sessions, so the scope goes at once. Each change is
 * audited ({@link AuditAction#ADMIN_ACTION}, subject the account).
 */
@Stateless
@ServiceBoundary
@RolesAllowed("admin")
public class EstablishmentAdministrators {
    static final String ROLE = "etab-admin";

    @Resource
    private SessionContext context;

    @Inject
    private EstablishmentAdminRows rows;

    @Inject
    private Establishments establishments;

    @Inject
    private IdentityServer identity;

    @EJB
    private AccountService accounts;

    @EJB
    private SessionRevocations revocations;

    @Inject
    private Event<AuditEvent> audit;

    /** Every establishment administrator named, by establishment then identifier. */
    public List<EstablishmentAdministrator> list() {
        return rows.all();
    }

    /**
     * Names an account establishment administrator of an establishment; it gets the role {@code etab-admin} at its
     * next sign-in.
     *
     * @throws InvalidInputException an unknown account ({@code admin.etab.unknownAccount}) or establishment
     *     ({@code admin.etab.unknownEstablishment}), or a pair already named ({@code admin.etab.already})
     */
    public void appoint(String username, String establishmentUai) {
        Account account = account(username);
        String uai = establishment(establishmentUai);
        if (!rows.add(account.getId(), uai)) {
            throw new InvalidInputException("username", "admin.etab.already", account.getUsername());
        }
        boolean granted = identity.call(() -> {
            RoleScopeResource roles = identity.userResource(account.getUsername()).roles().realmLevel();
            if (roles.listAll().stream().anyMatch(r -> ROLE.equals(r.getName()))) {
                return false;
            }
            RoleRepresentation role = identity.realm().roles().get(ROLE).toRepresentation();
            roles.add(List.of(role));
            return true;
        });
        audit(account.getUsername(), "etab-admin of " + uai + (granted ? " (role granted)" : ""));
    }

    /**
     * Withdraws an establishment from an establishment administrator; the last one withdrawn removes the role
     * {@code etab-admin} and ends the account's sessions.
     *
     * @throws InvalidInputException the pair is not named ({@code admin.etab.notAppointed})
     */
    public void withdraw(String username, String establishmentUai) {
        Account account = account(username);
        String uai = establishmentUai == null ? "" : establishmentUai.trim().toUpperCase(Locale.ROOT);
        if (!rows.remove(account.getId(), uai)) {
            throw new InvalidInputException("username", "admin.etab.notAppointed", account.getUsername());
        }
        long left = rows.countOf(account.getId());
        if (left == 0) {
            identity.run(() -> {
                RoleScopeResource roles = identity.userResource(account.getUsername()).roles().realmLevel();
                List<RoleRepresentation> held = roles.listAll().stream().filter(r -> ROLE.equals(r.getName()))
                        .toList();
                if (!held.isEmpty()) {
                    roles.remove(held);
                }
            });
            revocations.revoke(identity.endSessions(account.getUsername()));
        }
        audit(account.getUsername(), "etab-admin of " + uai + " withdrawn" + (left == 0 ? " (role removed)" : ""));
    }

    private Account account(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return accounts.findEnabled(name)
                .orElseThrow(() -> new InvalidInputException("username", "admin.etab.unknownAccount", name));
    }

    private String establishment(String establishmentUai) {
        String uai = establishmentUai == null ? "" : establishmentUai.trim().toUpperCase(Locale.ROOT);
        if (!establishments.exists(uai)) {
            throw new InvalidInputException("establishment", "admin.etab.unknownEstablishment", uai);
        }
        return uai;
    }

    private void audit(String subject, String detail) {
        audit.fire(AuditEvent.of(AuditAction.ADMIN_ACTION, context.getCallerPrincipal().getName(), subject, null,
                true, detail));
    }
}
