package fr.preau.identity;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.preau.mail.MailAddress;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.imap.ImapConnector;
import fr.preau.settings.AcademySettings;
import fr.preau.shared.Component;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Mails of password recovery (verification of a personal address, reset link): plain text, submitted through the
 * academy's Postfix as the system mailbox of setting {@code identity.recovery.sender} (default
 * {@code ne-pas-repondre@ac-preau.fr}, an account of the academy domain that sends as itself), like any portal mail.
 */
@ApplicationScoped
public class RecoveryMailer {
    public static final String SENDER_SETTING = "identity.recovery.sender";
    public static final String DEFAULT_SENDER = "ne-pas-repondre@ac-preau.fr";
    private static final Logger LOG = Logger.getLogger(RecoveryMailer.class.getName());

    @Inject
    private ImapConnector imap;

    @EJB
    private MailboxAccess access;

    @Inject
    private AcademySettings settings;

    public void send(String to, String subject, String text) {
        MailAddress sender = new MailAddress(settings.text(SENDER_SETTING, DEFAULT_SENDER),
                "Messagerie académique");
        Session session = imap.userSession();
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(sender.address(), sender.personal(), "UTF-8"));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, "UTF-8");
            message.setSentDate(new Date());
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setText(text, StandardCharsets.UTF_8.name());
            message.saveChanges();
            try (Transport transport = imap.submission(access.system(sender), session)) {
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            LOG.log(Level.WARNING, "Recovery mail to a personal address not sent", e);
            throw new ServiceUnavailableException(Component.MAIL_TRANSPORT, e);
        }
    }
}
