package fr.preau.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MessageUidTest {
    @Test
    void theTextFormTravelsThroughPagesAndBack() {
        MessageUid uid = new MessageUid(1700000000L, 42);
        assertEquals("1700000000:42", uid.toString());
        assertEquals(uid, MessageUid.parse(uid.toString()));
    }

    @Test
    void garbageIsNotAMessageUid() {
        for (String bad : new String[] {"", "42", "a:b", "1:0", "-1:5", null}) {
            assertThrows(IllegalArgumentException.class, () -> MessageUid.parse(bad), String.valueOf(bad));
        }
    }

    @Test
    void specialUseComesFromTheListAttributes() {
        assertEquals(SpecialUse.SENT, SpecialUse.fromAttributes("Envoyés", new String[] {"\\HasNoChildren", "\\Sent"}));
        assertEquals(SpecialUse.INBOX, SpecialUse.fromAttributes("INBOX", new String[0]));
        assertEquals(SpecialUse.NONE, SpecialUse.fromAttributes("Projets", null));
    }

    @Test
    void aSubjectNeverKeepsLineBreaks() {
        OutgoingMessage m = new OutgoingMessage(java.util.List.of(new MailAddress("a@ac-preau.fr", null)), null,
                "Réunion\r\nBcc: x@y.fr", "texte");
        assertEquals("Réunion Bcc: x@y.fr", m.subject());
    }
}
