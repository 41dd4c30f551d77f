package fr.preau.mail.imap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.preau.shared.InvalidInputException;
import jakarta.mail.SendFailedException;
import org.junit.jupiter.api.Test;

/** What the portal tells the user when the submission server refuses a message (the replies Postfix gives). */
class MailSenderRefusalTest {
    @Test
    void theSendingLimitOfTheHourIsSaidAsSuch() {
        InvalidInputException e = MailSender.refusal(new SendFailedException("450 4.7.1 <END-OF-MESSAGE>: "
                + "End-of-data rejected: Limite d'envoi atteinte : 1000 destinataires par heure, reessayez plus tard "
                + "(sending limit reached: 1000 recipients per hour, try again later)"));
        assertEquals("send", e.field());
        assertEquals("compose.error.rateLimit", e.messageKey());
    }

    @Test
    void anyOtherRefusalStaysGeneric() {
        InvalidInputException e = MailSender.refusal(new SendFailedException("554 5.7.1 Service unavailable"));
        assertEquals("compose.error.refused", e.messageKey());
    }
}
