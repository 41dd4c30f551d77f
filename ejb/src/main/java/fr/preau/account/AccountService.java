package fr.preau.account;

import java.util.Locale;
import java.util.Optional;

import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Looks accounts up. Sign-in accepts the identifier ({@code prenom.nom}) or the address, so both are resolved.
 * Fails with {@link fr.preau.shared.ServiceUnavailableException} when the database does not answer.
 */
@Stateless
@ServiceBoundary
@PermitAll
public class AccountService {
    @PersistenceContext
    private EntityManager em;

    /** The enabled account with this identifier or address, if any. */
    public Optional<Account> findEnabled(String usernameOrAddress) {
        if (usernameOrAddress == null || usernameOrAddress.isBlank()) {
            return Optional.empty();
        }
        String key = usernameOrAddress.trim().toLowerCase(Locale.ROOT);
        String query = key.contains("@") ? Account.BY_ADDRESS : Account.BY_USERNAME;
        String parameter = key.contains("@") ? "address" : "username";
        return em.createNamedQuery(query, Account.class)
                .setParameter(parameter, key)
                .getResultStream()
                .filter(Account::isEnabled)
                .findFirst();
    }
}
