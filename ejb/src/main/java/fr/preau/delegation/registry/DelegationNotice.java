package fr.preau.delegation.registry;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import fr.preau.delegation.AgendaAccess;
import fr.preau.delegation.Delegation;
import fr.preau.delegation.DelegationRights;
import fr.preau.delegation.MailAccess;

/**
 * The mails about a delegation (pure text, French then English, as the portal's other notices): to a colleague, that
 * a delegation waits for their answer (who grants it, which rights, until when, and where to accept or refuse it;
 * nothing is granted before that) or that an administrator opened a functional mailbox to them; to the other party,
 * that it was refused or ended, and why.
 */
final class DelegationNotice {
    private static final String SIGNATURE = "\n-- \nMessagerie académique (message automatique, ne pas répondre)\n";
    private static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private DelegationNotice() {
    }

    static String subject(Delegation d) {
        return "Délégation proposée par " + d.ownerName() + " / Delegation offered by " + d.ownerName();
    }

    /** The text; {@code portalUrl} (null when the deployment has none) is where the page is. */
    static String text(Delegation d, String portalUrl) {
        String page = portalUrl == null ? "" : " (" + portalUrl.replaceAll("/+$", "") + "/delegations)";
        LocalDate last = DelegationTerms.lastDay(d.endsAt());
        DelegationRights r = d.rights();
        return "Bonjour,\n\n" + d.ownerName() + " (" + d.ownerAddress() + ") vous propose une délégation sur sa"
                + " messagerie académique :\n\n" + french(r)
                + (last == null ? "  Sans date de fin\n" : "  Jusqu'au " + last.format(FR) + " inclus\n")
                + "\nRien ne vous est ouvert avant que vous l'acceptiez : ouvrez le portail, page « Délégations »"
                + page + ", puis choisissez « Accepter » ou « Refuser ». Chacun de vous deux pourra y mettre fin à"
                + " tout moment.\n\n---\n\nHello,\n\n" + d.ownerName() + " (" + d.ownerAddress() + ") offers you a"
                + " delegation on their academic mailbox:\n\n" + english(r)
                + (last == null ? "  No end date\n" : "  Until " + last.format(EN) + " included\n")
                + "\nNothing is open to you before you accept it: open the portal, page \"Délégations\" (Delegations)"
                + page + ", then choose Accept or Refuse. Either of you may end it at any time.\n" + SIGNATURE;
    }

    /** Why a delegation closed, as its notice says it. */
    enum Closing {
        /** The delegate refused it. */
        REFUSED("%2$s a refusé la délégation de la messagerie de %1$s : rien ne lui a été ouvert.",
                "%2$s refused the delegation of %1$s's mailbox: nothing was opened to them."),
        /** The owner ended it. */
        BY_OWNER("%1$s a mis fin à la délégation de sa messagerie à %2$s.",
                "%1$s ended the delegation of their mailbox to %2$s."),
        /** The delegate ended it. */
        BY_DELEGATE("%2$s a mis fin à la délégation de la messagerie de %1$s.",
                "%2$s ended the delegation of %1$s's mailbox."),
        /** An administrator ended the delegation of a functional mailbox. */
        BY_ADMINISTRATOR("Un administrateur a mis fin à la délégation de la boîte fonctionnelle %1$s à %2$s.",
                "An administrator ended the delegation of the functional mailbox %1$s to %2$s."),
        /** Its last day is over (the nightly job). */
        EXPIRED("La délégation de la messagerie de %1$s à %2$s a pris fin : sa date de fin est passée.",
                "The delegation of %1$s's mailbox to %2$s has ended: its end date has passed."),
        /** The delegate has left the establishment of the functional mailbox (the nightly job). */
        LEFT("La délégation de la boîte fonctionnelle %1$s à %2$s a pris fin : %2$s ne fait plus partie de son"
                + " établissement.", "The delegation of the functional mailbox %1$s to %2$s has ended: %2$s no longer"
                + " belongs to its establishment.");

        private final String french;
        private final String english;

        Closing(String french, String english) {
            this.french = french;
            this.english = english;
        }
    }

    static String closedSubject(Delegation d, Closing why) {
        return (why == Closing.REFUSED ? "Délégation refusée / Delegation refused : "
                : "Fin de délégation / Delegation ended : ") + d.ownerName() + " → " + d.delegateName();
    }

    /** The notice that a delegation was refused or ended, to either party. */
    static String closedText(Delegation d, Closing why) {
        String owner = d.ownerName() + " (" + d.ownerAddress() + ")";
        String delegate = d.delegateName() + " (" + d.delegateAddress() + ")";
        String fr = why == Closing.REFUSED ? "" : "\nLe délégué n'a plus accès à cette messagerie, ni dans le portail"
                + " ni dans son logiciel de messagerie.\n";
        String en = why == Closing.REFUSED ? "" : "\nThe delegate no longer has access to this mailbox, neither in"
                + " the portal nor in their mail client.\n";
        return "Bonjour,\n\n" + String.format(why.french, owner, delegate) + "\n" + fr + "\n---\n\nHello,\n\n"
                + String.format(why.english, owner, delegate) + "\n" + en + SIGNATURE;
    }

    static String openedSubject(Delegation d) {
        return "Boîte fonctionnelle ouverte : " + d.ownerName() + " / Functional mailbox opened: " + d.ownerName();
    }

    /**
     * The mail that tells a member of an establishment's staff that an administrator opened its functional mailbox
     * to them (no acceptance: docs/adr/0105); {@code portalUrl} as for {@link #text}.
     */
    static String openedText(Delegation d, String portalUrl) {
        String page = portalUrl == null ? "" : " (" + portalUrl.replaceAll("/+$", "") + "/delegations)";
        LocalDate last = DelegationTerms.lastDay(d.endsAt());
        DelegationRights r = d.rights();
        return "Bonjour,\n\nUn administrateur de votre établissement (" + d.grantedBy() + ") vous a ouvert la boîte"
                + " fonctionnelle " + d.ownerName() + " (" + d.ownerAddress() + ") :\n\n" + french(r)
                + (last == null ? "  Sans date de fin\n" : "  Jusqu'au " + last.format(FR) + " inclus\n")
                + "\nVous la trouvez dans votre logiciel de messagerie sous « shared », et sur la page « Délégations »"
                + page + ". Elle prend fin si vous quittez l'établissement.\n\n---\n\nHello,\n\nAn administrator of"
                + " your establishment (" + d.grantedBy() + ") opened the functional mailbox " + d.ownerName() + " ("
                + d.ownerAddress() + ") to you:\n\n" + english(r)
                + (last == null ? "  No end date\n" : "  Until " + last.format(EN) + " included\n")
                + "\nYou find it in your mail client under \"shared\", and on the page \"Délégations\" (Delegations)"
                + page + ". It ends if you leave the establishment.\n" + SIGNATURE;
    }

    private static String french(DelegationRights r) {
        StringBuilder b = new StringBuilder();
        if (r.mail() != MailAccess.NONE) {
            b.append(r.mail() == MailAccess.FILE ? "  Messagerie : lecture et classement\n"
                    : "  Messagerie : lecture\n");
        }
        if (r.sendOnBehalf()) {
            b.append("  Envoi de messages de sa part\n");
        }
        if (r.agenda() != AgendaAccess.NONE) {
            b.append(r.agenda() == AgendaAccess.EDIT ? "  Agenda : modification\n" : "  Agenda : lecture\n");
        }
        return b.toString();
    }

    private static String english(DelegationRights r) {
        StringBuilder b = new StringBuilder();
        if (r.mail() != MailAccess.NONE) {
            b.append(r.mail() == MailAccess.FILE ? "  Mail: read and file\n" : "  Mail: read\n");
        }
        if (r.sendOnBehalf()) {
            b.append("  Send on their behalf\n");
        }
        if (r.agenda() != AgendaAccess.NONE) {
            b.append(r.agenda() == AgendaAccess.EDIT ? "  Agenda: edit\n" : "  Agenda: read\n");
        }
        return b.toString();
    }
}
