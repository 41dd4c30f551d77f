package fr.preau.identity;

import fr.preau.mail.MailAddress;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxAccess;
import fr.preau.settings.AcademySettings;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Mails of password recovery (verification of a personal address, reset link) and security notices: plain text,
 * submitted through the academy's Postfix as the system mailbox of setting {@code identity.recovery.sender} (default
 * {@code ne-pas-repondre@ac-preau.fr}, an account of the academy domain that sends as itself), through the same
 * sender as any portal mail ({@link Mailbox#sendNotice}).
 */
@ApplicationScoped
public class RecoveryMailer {
    public static final String SENDER_SETTING = "identity.recovery.sender";
    public static final String DEFAULT_SENDER = "ne-pas-repondre@ac-preau.fr";

    @Inject
    private Mailbox mailbox;

    @EJB
    private MailboxAccess access;

    @Inject
    private AcademySettings settings;

    /**
     * Sends the mail.
     *
     * @throws fr.preau.shared.ServiceUnavailableException when the submission server refuses it or does not answer
     */
    public void send(String to, String subject, String text) {
        MailAddress sender = new MailAddress(settings.text(SENDER_SETTING, DEFAULT_SENDER),
                "Messagerie académique");
        mailbox.sendNotice(access.system(sender), to, subject, text);
    }
}
