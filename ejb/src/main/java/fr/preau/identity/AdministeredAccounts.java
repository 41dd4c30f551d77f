package fr.preau.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import fr.preau.account.Account;
import fr.preau.account.AccountService;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Which accounts the calling administrator may manage, checked by every administration service: an {@code admin}
 * every account; an {@code etab-admin} the accounts of their establishments (that of their own account row and
 * those of table {@code establishment_admin}), except administrators ({@code admin} or {@code etab-admin}), whose
 * accounts only an academy administrator manages.
 */
@Stateless
@RolesAllowed({"admin", "etab-admin"})
public class AdministeredAccounts {
    private static final Set<String> ADMIN_ROLES = Set.of("admin", "etab-admin");

    @Resource
    private SessionContext context;

    @Inject
    private AccountRows rows;

    @Inject
    private IdentityServer identity;

    @EJB
    private AccountService accounts;

    /** The caller's establishments; empty for an academy administrator, who is not limited to any. */
    public Optional<Set<String>> establishments() {
        if (context.isCallerInRole("admin")) {
            return Optional.empty();
        }
        return Optional.of(rows.establishmentsOf(caller()));
    }

    /** Refuses an establishment outside the caller's (an academy administrator may use any, or none). */
    public void checkEstablishment(String establishmentUai) {
        Optional<Set<String>> own = establishments();
        if (own.isPresent() && (establishmentUai == null || !own.get().contains(establishmentUai))) {
            throw new InvalidInputException("establishment", "identity.establishment.forbidden", establishmentUai);
        }
    }

    /** Refuses a quota class that does not exist. */
    public void checkQuotaClass(String code) {
        if (!rows.quotaClassExists(code)) {
            throw new InvalidInputException("quotaClass", "identity.quotaClass.unknown", code);
        }
    }

    /**
     * The account the caller may manage, suspended or not.
     *
     * @param administratorKey the message when an etab-admin aims at an administrator's account
     * @throws NotFoundException no such account
     * @throws InvalidInputException outside the caller's establishments, or an administrator's account
     */
    public Account managed(String username, String administratorKey) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        Account account = accounts.findEnabled(name)
                .orElseThrow(() -> new NotFoundException("admin.accounts.missing", name));
        checkEstablishment(account.getEstablishmentUai());
        if (!context.isCallerInRole("admin")) {
            boolean administrator = identity.call(() -> identity.userResource(account.getUsername()).roles()
                    .realmLevel().listEffective().stream().anyMatch(r -> ADMIN_ROLES.contains(r.getName())));
            if (administrator) {
                throw new InvalidInputException("username", administratorKey, account.getUsername());
            }
        }
        return account;
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
