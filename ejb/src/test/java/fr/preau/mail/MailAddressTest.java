package fr.preau.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import fr.preau.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class MailAddressTest {
    @Test
    void aListTypedByAUserAcceptsCommasSemicolonsAndDisplayNames() {
        List<MailAddress> list = MailAddress.parseList("to",
                "marie.dupont@ac-preau.fr; \"Martin, Jean\" <Jean.Martin@ac-preau.fr>, Luc <luc.moreau@ac-preau.fr>",
                true);
        assertEquals(3, list.size());
        assertEquals("marie.dupont@ac-preau.fr", list.get(0).address());
        assertNull(list.get(0).personal());
        assertEquals("jean.martin@ac-preau.fr", list.get(1).address());
        assertEquals("Martin, Jean", list.get(1).personal());
        assertEquals("Luc", list.get(2).personal());
    }

    @Test
    void anAddressWithoutAtIsNamedBackToTheUser() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MailAddress.parseList("to", "marie.dupont@ac-preau.fr, jean.martin", true));
        assertEquals("to", e.field());
        assertEquals("compose.error.address", e.messageKey());
        assertEquals("jean.martin", e.argument());
    }

    @Test
    void anEmptyRecipientListIsRefusedWhenRecipientsAreRequired() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MailAddress.parseList("to", " , ; ", true));
        assertEquals("compose.error.recipient.empty", e.messageKey());
        assertEquals(List.of(), MailAddress.parseList("cc", "", false));
    }

    @Test
    void lineBreaksCannotSmuggleAHeaderThroughAnAddressOrAName() {
        assertThrows(InvalidInputException.class,
                () -> MailAddress.parseList("to", "a@ac-preau.fr\r\nBcc: victime@exemple.fr", true));
        MailAddress named = new MailAddress("a@ac-preau.fr", "Jean\r\nBcc: x@y.fr");
        assertEquals("Jean  Bcc: x@y.fr", named.personal());
    }

    @Test
    void malformedAddressesAreRefused() {
        for (String bad : List.of("@ac-preau.fr", "a@", "a@b", "a b@ac-preau.fr", "a@ac-preau..fr", "<a@b.fr",
                "Nom <a@b.fr> suite")) {
            assertThrows(InvalidInputException.class, () -> MailAddress.parseList("to", bad, true), bad);
        }
    }

    @Test
    void everyBadAddressOfAListIsNamed() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> MailAddress.parseList("cc", "jean.martin, luc.moreau@ac-preau.fr; marie@", false));
        assertEquals("cc", e.field());
        assertEquals("compose.error.addresses", e.messageKey());
        assertEquals("« jean.martin », « marie@ »", e.argument());
    }
}
