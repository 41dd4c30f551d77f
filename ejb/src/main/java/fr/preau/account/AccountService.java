package fr.preau.account;

import java.util.Locale;
import java.util.Optional;

import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Looks accounts up. Sign-in accepts the identifier ({@code prenom.nom}) or the address, so both are resolved.
 * Fails with {@link fr.preau.shared.ServiceUnavailableException} when the database does not answer.
 */
@Stateless
@ServiceBoundary
@PermitAll
public class AccountService {
    @Inject
    private AccountRecords rows;

    /** The enabled account with this identifier or address, if any. */
    public Optional<Account> findEnabled(String usernameOrAddress) {
        if (usernameOrAddress == null || usernameOrAddress.isBlank()) {
            return Optional.empty();
        }
        String key = usernameOrAddress.trim().toLowerCase(Locale.ROOT);
        return (key.contains("@") ? rows.byAddress(key) : rows.byUsername(key)).filter(Account::isEnabled);
    }
}
