package fr.preau.identity;

/**
 * A provisional password just issued: Keycloak asks for a definitive one at the first sign-in. Never stored by the
 * portal. Either shown once to the administrator ({@code password} set, {@code mailedTo} null), or mailed to a
 * personal address and then not handed back ({@code password} null, {@code mailedTo} that address); when that mail
 * could not be sent, it is shown after all ({@code password} set, {@code mailFailed}).
 *
 * @param username the account's identifier ({@code prenom.nom})
 * @param address its mailbox address
 * @param password the provisional password, or null when it was mailed
 * @param mailedTo the personal address it was mailed (or meant to be mailed) to, or null
 * @param mailFailed the mail to {@code mailedTo} was refused or the mail server did not answer
 */
public record ProvisionalPassword(String username, String address, String password, String mailedTo,
        boolean mailFailed) {
    /** A password to show once. */
    public ProvisionalPassword(String username, String address, String password) {
        this(username, address, password, null, false);
    }

    /** Whether the password went to a personal address and is not in this answer. */
    public boolean mailed() {
        return mailedTo != null && !mailFailed;
    }

    @Override
    public String toString() {
        return "ProvisionalPassword[" + username + "]";
    }
}
