package fr.preau.identity;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import fr.preau.account.Account;
import fr.preau.account.AccountRecords;
import fr.preau.account.AccountService;
import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.shared.Deployment;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Functional mailboxes of establishments (issue 13, item 4, DLG-5; docs/adr/0105): secrétariat, vie scolaire,
 * intendance … An administrator ({@code admin}, or {@code etab-admin} of that establishment) creates one with an
 * address in the academy's domain; it is an account row like any other (Dovecot delivers to it, quota class
 * {@code fonctionnelle}) but with no password anywhere: no Keycloak user is made, and Dovecot's login views leave
 * functional accounts out (migration V175). Its staff reach it by delegation only
 * ({@code fr.preau.delegation.registry.DelegationRegistry#grantFunctional}).
 */
@Stateless
@ServiceBoundary
@RolesAllowed({"admin", "etab-admin"})
public class FunctionalMailboxService {
    /** The local part of a functional address: lower case letters, digits, dots and dashes. */
    private static final Pattern LOCAL_PART = Pattern.compile("[a-z0-9][a-z0-9.-]{0,62}[a-z0-9]");
    private static final int MAX_NAME = 200;

    @Resource
    private SessionContext context;

    @Inject
    private AccountRecords records;

    @Inject
    private AccountRows rows;

    @Inject
    private FunctionalMailboxRows functional;

    @Inject
    private IdentityServer identity;

    @EJB
    private AccountService accounts;

    @EJB
    private AdministeredAccounts scope;

    @Inject
    private Event<AuditEvent> audit;

    /** The functional mailboxes of the caller's establishments (every one for an academy administrator). */
    public List<FunctionalMailbox> list() {
        return functional.of(scope.establishments().orElse(null));
    }

    /**
     * Creates the functional mailbox {@code address} (or its local part, in the academy's domain) of establishment
     * {@code establishmentUai}, named {@code displayName}; audited with the administrator as actor and the mailbox as
     * subject. Its identifier is the address's local part.
     *
     * @throws InvalidInputException nothing created: field {@code address} ({@code admin.functional.address.invalid},
     *     {@code .domain} outside the academy's domain, {@code identity.username.taken} for an identifier or address
     *     ever given), {@code displayName} ({@code admin.functional.name.required}), {@code establishment}
     *     ({@code identity.establishment.forbidden} outside the caller's, {@code identity.establishment.unknown})
     */
    public FunctionalMailbox create(String address, String displayName, String establishmentUai) {
        String domain = Deployment.mailDomain();
        String typed = address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
        String local = typed.contains("@") ? typed.substring(0, typed.indexOf('@')) : typed;
        if (!LOCAL_PART.matcher(local).matches() || local.contains("..")) {
            throw new InvalidInputException("address", "admin.functional.address.invalid", typed);
        }
        if (typed.contains("@") && !typed.substring(typed.indexOf('@') + 1).equals(domain)) {
            throw new InvalidInputException("address", "admin.functional.address.domain", domain);
        }
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("displayName", "admin.functional.name.required", null);
        }
        String uai = establishmentUai == null ? null : establishmentUai.trim().toUpperCase(Locale.ROOT);
        scope.checkEstablishment(uai);
        if (uai == null || !rows.establishmentExists(uai)) {
            throw new InvalidInputException("establishment", "identity.establishment.unknown", uai);
        }
        String full = local + "@" + domain;
        if (rows.given(local, full) || identity.findUser(local).isPresent()) {
            throw new InvalidInputException("address", "identity.username.taken", full);
        }
        records.add(Account.functional(local, full, name, uai));
        audit.fire(AuditEvent.of(AuditAction.ACCOUNT_CREATED, caller(), local, null, true,
                "functional mailbox " + full + " of " + uai));
        return new FunctionalMailbox(full, name, uai, null);
    }

    /**
     * The functional mailbox {@code address} if the caller administers its establishment.
     *
     * @throws NotFoundException {@code admin.functional.missing}: no such enabled functional mailbox, or one of an
     *     establishment the caller does not administer (the same answer: an address tells nothing)
     */
    public Account managed(String address) {
        String key = address == null ? "" : address.trim().toLowerCase(Locale.ROOT);
        Account account = accounts.findEnabled(key).filter(Account::isFunctional)
                .orElseThrow(() -> new NotFoundException("admin.functional.missing", key));
        if (scope.establishments().map(own -> !own.contains(account.getEstablishmentUai())).orElse(false)) {
            throw new NotFoundException("admin.functional.missing", key);
        }
        return account;
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
