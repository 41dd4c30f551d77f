package fr.preau.mail.report;

import java.util.Locale;
import java.util.logging.Logger;

import fr.preau.mail.FolderPath;
import fr.preau.mail.MailAddress;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MessageUid;
import fr.preau.settings.AcademySettings;
import fr.preau.shared.Component;
import fr.preau.shared.ServiceBoundary;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Reports a message of the caller's mailbox as spam or phishing: the security address (academy setting
 * {@value #ADDRESS_SETTING}) receives the original as {@code message/rfc822}, then the message moves (IMAP MOVE) to
 * Indésirables or Corbeille.
 *
 * <p>Failures: {@link fr.preau.shared.NotFoundException} when the message or the target folder is gone (nothing sent,
 * nothing moved); {@link ServiceUnavailableException} when IMAP or submission does not answer, or the security
 * address is not configured.
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ReportService {
    public static final String ADDRESS_SETTING = "mail.report.address";
    public static final String DEFAULT_ADDRESS = "securite@ac-preau.fr";
    private static final Logger LOG = Logger.getLogger(ReportService.class.getName());

    @EJB
    private MailboxAccess access;

    @EJB
    private AcademySettings settings;

    @Inject
    private Mailbox mailbox;

    /** Sends the report, moves the message; returns the address the report went to (shown to the user). */
    public String report(FolderPath folder, MessageUid uid, ReportKind kind) {
        String address = settings.text(ADDRESS_SETTING, DEFAULT_ADDRESS).strip().toLowerCase(Locale.ROOT);
        if (!MailAddress.isValid(address)) {
            LOG.severe(
                    "Academy setting " + ADDRESS_SETTING + " is not an address: '" + address + "'");
            throw new ServiceUnavailableException(Component.MAIL_TRANSPORT, null);
        }
        mailbox.report(access.own(), folder, uid, new Mailbox.Report(new MailAddress(address, null), kind.label(),
                kind.name().toLowerCase(Locale.ROOT), kind.target()));
        return address;
    }
}
