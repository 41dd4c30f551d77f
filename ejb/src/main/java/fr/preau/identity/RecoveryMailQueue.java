package fr.preau.identity;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The portal's own mail submitted after the request that caused it has been answered. Reset links: "Mot de passe
 * oublié ?" then takes the same time whether or not the account has a recovery address (a submission to Postfix
 * takes far longer than the lookup, and timing it would tell which accounts can be recovered). Security notices
 * ({@link SecurityChangeNotifier}): the user's page does not wait for Postfix. A failure is logged, never shown: it
 * never undoes what the mail tells of (and, for a reset, saying so would tell which accounts can be recovered).
 */
@Stateless
@PermitAll
public class RecoveryMailQueue {
    private static final Logger LOG = Logger.getLogger(RecoveryMailQueue.class.getName());

    @Inject
    private RecoveryMailer mailer;

    @Asynchronous
    public void send(String to, String subject, String text, String what) {
        try {
            mailer.send(to, subject, text);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, what + " not sent", e);
        }
    }
}
