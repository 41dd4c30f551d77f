package fr.preau.delegation.registry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import fr.preau.delegation.AgendaAccess;
import fr.preau.delegation.Delegation;
import fr.preau.delegation.DelegationRights;
import fr.preau.delegation.DelegationStatus;
import fr.preau.delegation.MailAccess;
import fr.preau.delegation.registry.DelegationNotice.Closing;
import org.junit.jupiter.api.Test;

class DelegationNoticeTest {
    private static final Delegation VIE_SCOLAIRE = new Delegation(7, 2, "vie-scolaire.0380089t",
            "vie-scolaire.0380089t@ac-preau.fr", "Vie scolaire", 3, "camille.cpe", "camille.cpe@ac-preau.fr",
            "Camille Cpe", new DelegationRights(MailAccess.FILE, true, AgendaAccess.NONE), DelegationStatus.ACTIVE,
            Instant.EPOCH, "claire.principale", Instant.EPOCH, Instant.parse("2026-07-04T22:00:00Z"), null, null,
            "camille.cpe@ac-preau.fr");

    @Test
    void everyEndNamesBothPartiesAndWhyInFrenchThenEnglish() {
        for (Closing why : Closing.values()) {
            String text = DelegationNotice.closedText(VIE_SCOLAIRE, why);
            assertTrue(text.startsWith("Bonjour,\n\n"), why + ": " + text);
            assertTrue(text.contains("Vie scolaire (vie-scolaire.0380089t@ac-preau.fr)"), why + ": " + text);
            assertTrue(text.contains("Camille Cpe (camille.cpe@ac-preau.fr)"), why + ": " + text);
            assertTrue(text.indexOf("Hello,") > text.indexOf("Bonjour,"), why + ": " + text);
            assertFalse(text.contains("%"), why + ": every placeholder filled: " + text);
        }
        assertTrue(DelegationNotice.closedText(VIE_SCOLAIRE, Closing.LEFT).contains("ne fait plus partie de son"
                + " établissement"));
        assertTrue(DelegationNotice.closedText(VIE_SCOLAIRE, Closing.EXPIRED).contains("its end date has passed"));
        assertFalse(DelegationNotice.closedText(VIE_SCOLAIRE, Closing.REFUSED).contains("n'a plus accès"),
                "a refusal opened nothing, so nothing is taken away");
        assertTrue(DelegationNotice.closedSubject(VIE_SCOLAIRE, Closing.REFUSED).startsWith("Délégation refusée"));
    }

    @Test
    void anOpenedFunctionalMailboxSaysWhoOpenedItItsRightsAndItsLastDay() {
        String text = DelegationNotice.openedText(VIE_SCOLAIRE, "https://portail.ac-preau.fr/");
        assertTrue(text.contains("(claire.principale)"), text);
        assertTrue(text.contains("Messagerie : lecture et classement") && text.contains("Mail: read and file"), text);
        assertTrue(text.contains("Envoi de messages de sa part") && text.contains("Send on their behalf"), text);
        assertTrue(text.contains("Jusqu'au 4 juillet 2026 inclus") && text.contains("Until 4 July 2026"), text);
        assertTrue(text.contains("https://portail.ac-preau.fr/delegations"), text);
    }
}
