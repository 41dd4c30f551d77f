package fr.preau.identity;

/**
 * The wording of the mails of the job password-expiry (pure text; docs/adr/0095): French first, with the
 * vocabulary of the academy's guides (messagerie académique, mot de passe expiré, suspension après inactivité,
 * référent informatique), then one English line.
 */
final class ExpiryMails {
    private static final String SIGNATURE = "\n-- \nMessagerie académique (message automatique, ne pas répondre)\n";

    private ExpiryMails() {
    }

    static String passwordWarningSubject(int daysLeft) {
        return daysLeft <= 1 ? "Votre mot de passe expire demain"
                : "Votre mot de passe expire dans " + daysLeft + " jours";
    }

    static String passwordWarning(String address, String expiryDay) {
        return "Bonjour,\n\nLe mot de passe de votre messagerie académique (" + address + ") expire le " + expiryDay
                + ".\n\nChangez-le avant cette date : connectez-vous au portail, puis Mon compte › Sécurité ›"
                + " « Changer mon mot de passe ». Vos mots de passe d'application (Thunderbird, téléphone) ne"
                + " changent pas.\n\nSans changement, le portail vous demandera un nouveau mot de passe à votre"
                + " prochaine connexion, et vos logiciels de messagerie qui utilisent ce mot de passe seront refusés"
                + " d'ici là.\n\n(Your password expires on that day: change it in the portal, My account › Security.)\n"
                + SIGNATURE;
    }

    static String passwordExpired(String address) {
        return "Bonjour,\n\nLe mot de passe de votre messagerie académique (" + address + ") a expiré.\n\n"
                + "À votre prochaine connexion au portail, choisissez un nouveau mot de passe : il vous est demandé"
                + " juste après l'ancien. D'ici là, vos logiciels de messagerie qui utilisent ce mot de passe sont"
                + " refusés ; vos mots de passe d'application restent valables.\n\n"
                + "(Your password has expired: the portal asks for a new one at your next sign-in.)\n" + SIGNATURE;
    }

    static String inactivityWarning(String address, String lastDay, String suspensionDay) {
        return "Bonjour,\n\nVotre messagerie académique (" + address + ") n'a pas été utilisée depuis le " + lastDay
                + " (ni le portail, ni un logiciel de messagerie).\n\nSans connexion de votre part, le compte sera"
                + " suspendu le " + suspensionDay + " (suspension automatique après inactivité prolongée) : vos"
                + " messages continueront d'arriver, mais vous ne pourrez plus vous connecter avant une réactivation"
                + " par votre référent informatique.\n\nPour garder votre compte actif, il suffit de vous connecter au"
                + " portail ou de relever votre courrier avant cette date.\n\n(Your account has not been used since"
                + " that day and will be suspended on the date above unless you sign in.)\n" + SIGNATURE;
    }
}
