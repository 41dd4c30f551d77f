package fr.preau.mail.quota;

import java.util.Locale;

/**
 * The French mail that tells a user their mailbox reached a quota threshold (pure text, docs/adr/0093), in the
 * words the academy's help pages use: "alerte de quota", "quota atteint", archiver ou supprimer les pièces lourdes.
 */
public final class QuotaNotice {
    private QuotaNotice() {
    }

    /** The subject for a threshold (80, 90 or 100). */
    public static String subject(int threshold) {
        return threshold >= 100 ? "Alerte de quota : votre boîte aux lettres est pleine"
                : "Alerte de quota : votre boîte aux lettres est remplie à " + threshold + " %";
    }

    /** The text for a threshold, with the storage used and allowed (KiB). */
    public static String text(int threshold, long usedKb, long limitKb) {
        String used = megabytes(usedKb);
        String limit = megabytes(limitKb);
        String head = threshold >= 100
                ? "Votre quota est atteint : votre boîte aux lettres académique occupe " + used + " sur " + limit
                        + ". Les messages qui vous sont envoyés sont désormais refusés et retournés à l'expéditeur."
                : "Votre boîte aux lettres académique occupe " + used + " sur " + limit + ", soit plus de "
                        + threshold + " % de votre quota. Quand le quota est atteint, les messages qui vous sont"
                        + " envoyés sont retournés à l'expéditeur.";
        return "Bonjour,\n\n" + head + "\n\n"
                + "Pour libérer de la place : archivez vos anciens messages (bouton « Archiver » du webmail),"
                + " supprimez les pièces jointes lourdes dont vous n'avez plus besoin et videz la corbeille."
                + " L'export vers un dossier local garde une copie de ce que vous supprimez.\n\n"
                + "Vous ne recevrez pas d'autre alerte pour ce seuil tant que votre boîte ne sera pas repassée"
                + " en dessous.\n\n"
                + "Ce message est envoyé automatiquement, merci de ne pas y répondre.\n"
                + "La messagerie académique\n";
    }

    private static String megabytes(long kb) {
        return String.format(Locale.FRANCE, "%.1f Mo", kb / 1024.0);
    }
}
