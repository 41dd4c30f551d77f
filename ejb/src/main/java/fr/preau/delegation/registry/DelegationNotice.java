package fr.preau.delegation.registry;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import fr.preau.delegation.AgendaAccess;
import fr.preau.delegation.Delegation;
import fr.preau.delegation.DelegationRights;
import fr.preau.delegation.MailAccess;

/**
 * The mail that tells a colleague a delegation waits for their answer (pure text, French then English, as the
 * portal's other notices): who grants it, which rights, until when, and where to accept or refuse it. Nothing is
 * granted before that.
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
