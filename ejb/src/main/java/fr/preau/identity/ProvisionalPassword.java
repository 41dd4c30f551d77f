package fr.preau.identity;

/**
 * A provisional password just issued, to hand to the staff member once: Keycloak asks for a definitive one at the
 * first sign-in. Never stored by the portal.
 *
 * @param username the account's identifier ({@code prenom.nom})
 * @param address its mailbox address
 * @param password the provisional password
 */
public record ProvisionalPassword(String username, String address, String password) {
    @Override
    public String toString() {
        return "ProvisionalPassword[" + username + "]";
    }
}
