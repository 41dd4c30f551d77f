package fr.preau.identity;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Reset links are submitted after the visitor has had their answer: "Mot de passe oublié ?" then takes the same
 * time whether or not the account has a recovery address (a submission to Postfix takes far longer than the lookup,
 * and timing it would tell which accounts can be recovered). A failure is logged, never shown: saying so would
 * tell the same thing.
 */
@Stateless
@PermitAll
public class RecoveryMailQueue {
    private static final Logger LOG = Logger.getLogger(RecoveryMailQueue.class.getName());

    @Inject
    private RecoveryMailer mailer;

    @Asynchronous
    public void send(String to, String subject, String text, String username) {
        try {
            mailer.send(to, subject, text);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Password reset mail for " + username + " not sent", e);
        }
    }
}
