package fr.preau.identity;

/**
 * The mail that carries a provisional password to the personal address an administrator gave (pure text; issue 11,
 * item 1; docs/adr/0090): French first, with the words of the academy's guides (identifiant, mot de passe
 * provisoire, première connexion), then the same in English. It names the account, never the administrator.
 */
final class ProvisionalPasswordMail {
    static final String SUBJECT = "Votre mot de passe provisoire de messagerie académique"
            + " / Your provisional password for the academic mail";
    private static final String SIGNATURE = "\n-- \nMessagerie académique (message automatique, ne pas répondre)\n";

    private ProvisionalPasswordMail() {
    }

    /**
     * The text for the account {@code username} ({@code address}); {@code portalUrl} (null when the deployment has
     * none) is where to sign in.
     */
    static String text(String username, String address, String password, String portalUrl) {
        String where = portalUrl == null ? "" : " (" + portalUrl + ")";
        return "Bonjour,\n\nVoici de quoi vous connecter à votre messagerie académique" + where + " :\n\n"
                + "  Identifiant : " + username + "\n"
                + "  Adresse : " + address + "\n"
                + "  Mot de passe provisoire : " + password + "\n\n"
                + "À la première connexion, le portail vous demande de choisir votre propre mot de passe (12"
                + " caractères au moins, avec des lettres, des chiffres et des symboles). Tapez le mot de passe"
                + " provisoire sans copier-coller d'espace. S'il n'est pas utilisé, il cesse de fonctionner après"
                + " quelques jours : demandez-en alors un nouveau à votre référent informatique.\n\n"
                + "Si vous n'attendiez pas ce message, ne l'utilisez pas et prévenez votre référent informatique.\n\n"
                + "---\n\nHello,\n\nHere is how to sign in to your academic mail" + where + ":\n\n"
                + "  Username: " + username + "\n"
                + "  Address: " + address + "\n"
                + "  Provisional password: " + password + "\n\n"
                + "At your first sign-in the portal asks you to choose your own password (at least 12 characters,"
                + " with letters, digits and symbols). An unused provisional password stops working after a few"
                + " days: ask your IT contact for a new one.\n\n"
                + "If you did not expect this message, do not use it and tell your IT contact.\n" + SIGNATURE;
    }
}
