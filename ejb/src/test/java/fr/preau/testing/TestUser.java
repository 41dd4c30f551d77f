package fr.preau.testing;

/**
 * A test user as an administrator would create one: the account row (mailbox, routing) and the Keycloak identity
 * with its password, provisional or definitive.
 */
public final class TestUser {
    private TestUser() {
    }

    /** Creates or re-creates the user; returns the address {@code username@domain}. */
    public static String create(String username, String firstName, String lastName, String password,
            boolean provisional) throws Exception {
        String address = username + "@" + TestEnv.domain();
        Accounts.ensure(username, address, firstName + " " + lastName);
        new KeycloakAdmin().createUser(username, firstName, lastName, address, password, provisional);
        return address;
    }
}
