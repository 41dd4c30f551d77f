package fr.preau.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import ezvcard.VCardVersion;
import fr.preau.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Contact files as real programs write them, with their broken parts (ejb/src/test/resources/contacts/). */
class ContactFileTest {
    static byte[] resource(String name) throws IOException {
        try (InputStream in = ContactFileTest.class.getResourceAsStream("/contacts/" + name)) {
            return in.readAllBytes();
        }
    }

    /** The entries as the import sees them: each accepted draft, or "position: fault (detail)". */
    private static List<Object> checked(ContactFile.Read read) {
        List<Object> out = new ArrayList<>();
        for (ContactFile.Entry e : read.entries()) {
            try {
                out.add(ContactRules.check(e.draft()));
            } catch (InvalidInputException bad) {
                out.add(e.position() + ": " + bad.messageKey() + " (" + bad.argument() + ")");
            }
        }
        return out;
    }

    @Test
    void aVcardFileWithBrokenCardsKeepsWhatIsValidAndNamesTheRest() throws IOException {
        ContactFile.Read read = ContactFile.read(resource("cartes-abimees.vcf"));
        assertEquals(ContactFile.Kind.VCARD, read.kind());
        List<Object> got = checked(read);
        assertEquals(6, got.size(), got.toString());

        ContactDraft helene = (ContactDraft) got.get(0);
        assertEquals("Hélène", helene.firstName());
        assertEquals("Dupré", helene.lastName());
        assertEquals(List.of(new ContactValue("helene.dupre@ac-preau.fr", "work"),
                new ContactValue("helene.dupre@example.org", "home")), helene.emails());
        assertEquals(List.of(new ContactValue("06 12 34 56 78", "mobile")), helene.phones());
        assertEquals("Collège Jean Moulin", helene.organisation());
        assertEquals("Professeure de mathématiques", helene.title());
        assertEquals("12 rue des Écoles\n69003 Lyon\nFrance", helene.postalAddress());
        assertEquals("Référente numérique, salle 12", helene.note());
        assertEquals("urn:uuid:6f1c2a52-1111-4c1e-9f0a-000000000001", helene.uid());

        assertEquals(List.of("Équipe 5e", "Parents délégués", "équipe 5E"), read.entries().get(1).groups(),
                "CATEGORIES as the card gives them");
        ContactDraft karim = (ContactDraft) got.get(1);
        assertEquals("Benali", karim.lastName());
        assertEquals(List.of(new ContactValue("+33-4-72-00-00-01", "work")), karim.phones());
        assertEquals("Une note repliée sur deux lignes et qui continue ici sans perdre de texte", karim.note());

        assertEquals("3: contacts.error.empty (null)", got.get(2));
        assertEquals("4: contacts.error.address (paul.martin@@exemple)", got.get(3));
        ContactDraft zoe = (ContactDraft) got.get(4);
        assertEquals("Zoé", zoe.firstName());
        assertEquals("Lévy", zoe.lastName());
        ContactDraft unfinished = (ContactDraft) got.get(5);
        assertEquals("sans.fin@example.org", unfinished.emails().get(0).value());
    }

    @Test
    void outlookGmailAndThunderbirdExportsAreRecognisedByTheirHeader() throws IOException {
        ContactFile.Read outlook = ContactFile.read(resource("outlook.csv"));
        assertEquals(ContactFile.Kind.OUTLOOK, outlook.kind());
        List<Object> o = checked(outlook);
        assertEquals(2, o.size(), "the blank line is no contact: " + o);
        ContactDraft elise = (ContactDraft) o.get(0);
        assertEquals("Élise", elise.firstName());
        assertEquals("elise.garnier@example.org", elise.emails().get(0).value());
        assertEquals(List.of(new ContactValue("06 11 22 33 44", "mobile")), elise.phones());
        assertEquals("Mairie de Bron", elise.organisation());
        assertEquals("1 place de la Mairie\n69500 Bron\nFrance", elise.postalAddress());
        assertEquals("Parent d'élève, 5e B", elise.note());
        assertEquals("3: contacts.error.address (marc.petit(at)example.org)", o.get(1));

        ContactFile.Read gmail = ContactFile.read(resource("gmail.csv"));
        assertEquals(ContactFile.Kind.GMAIL, gmail.kind());
        List<Object> g = checked(gmail);
        ContactDraft sophie = (ContactDraft) g.get(0);
        assertEquals(List.of(new ContactValue("sophie.roux@ac-preau.fr", "work"),
                new ContactValue("s.roux@example.org", "work"), new ContactValue("sophie@example.org", "home")),
                sophie.emails());
        assertEquals("CPE", sophie.title());
        assertEquals("31 rue de la Bourse\n69002 Lyon", sophie.postalAddress());
        assertEquals("4: contacts.error.empty (null)", g.get(1), "the quoted address spans lines 2 and 3");

        ContactFile.Read thunderbird = ContactFile.read(resource("thunderbird.csv"));
        assertEquals(ContactFile.Kind.THUNDERBIRD, thunderbird.kind());
        List<Object> t = checked(thunderbird);
        ContactDraft luc = (ContactDraft) t.get(0);
        assertEquals("Moreau", luc.lastName());
        assertEquals("Rectorat de Lyon", luc.organisation());
        assertEquals("Rectorat\n69007 Lyon", luc.postalAddress());
        assertEquals("3: contacts.error.phone (abc-def)", t.get(1));
    }

    @Test
    void aFileThatIsNoContactFileOrTooLargeIsRefused() throws IOException {
        InvalidInputException notContacts = assertThrows(InvalidInputException.class,
                () -> ContactFile.read(resource("pas-un-carnet.txt")));
        assertEquals("contacts.import.notContacts", notContacts.messageKey());
        assertEquals("contacts.import.notContacts", assertThrows(InvalidInputException.class,
                () -> ContactFile.read(new byte[0])).messageKey());
        byte[] huge = new byte[ContactFile.MAX_BYTES + 1];
        assertEquals("contacts.import.tooLarge",
                assertThrows(InvalidInputException.class, () -> ContactFile.read(huge)).messageKey());
    }

    @Test
    void aWindows1252OutlookExportIsReadWithItsAccents() {
        String csv = "First Name;Last Name;E-mail Address\r\nAndré;Lefèvre;andre.lefevre@example.org\r\n";
        ContactFile.Read read = ContactFile.read(csv.getBytes(java.nio.charset.Charset.forName("windows-1252")));
        ContactDraft andre = ContactRules.check(read.entries().get(0).draft());
        assertEquals("André", andre.firstName());
        assertEquals("Lefèvre", andre.lastName());
    }

    @Test
    void writtenCardsAreReadBackAsTheyWere() {
        ContactDraft d = ContactRules.check(new ContactDraft("Hélène", "Dupré",
                List.of(new ContactValue("helene.dupre@ac-preau.fr", "work")),
                List.of(new ContactValue("06 12 34 56 78", "mobile"), new ContactValue("04 72 00 00 00", "home")),
                "Collège Jean Moulin", "CPE", "12 rue des Écoles\n69003 Lyon", "Une note, avec; des signes", null));
        Contact c = new Contact(1, "uid-1", 1, d, List.of(new ContactGroup(1, "g", "Équipe 5e", 1)));
        for (VCardVersion v : List.of(VCardVersion.V4_0, VCardVersion.V3_0)) {
            String text = ContactCards.write(List.of(c), v);
            assertTrue(text.contains("VERSION:" + v.getVersion()), text);
            assertTrue(text.contains("CATEGORIES:Équipe 5e"), text);
            ContactFile.Read back = ContactFile.read(text.getBytes(StandardCharsets.UTF_8));
            ContactDraft again = ContactRules.check(back.entries().get(0).draft());
            assertEquals(new ContactDraft("Hélène", "Dupré", d.emails(), d.phones(), d.organisation(), d.title(),
                    d.postalAddress(), d.note(), "uid-1"), again, v.toString());
        }
    }

    @Test
    void badInputIsNamed() {
        ContactDraft nothing = new ContactDraft(" ", null, List.of(new ContactValue(" ", "work")), List.of(), "Org",
                null, null, null, null);
        assertEquals("contacts.error.empty",
                assertThrows(InvalidInputException.class, () -> ContactRules.check(nothing)).messageKey());
        ContactDraft longName = new ContactDraft("x".repeat(101), null, List.of(), List.of(), null, null, null, null,
                null);
        InvalidInputException tooLong = assertThrows(InvalidInputException.class, () -> ContactRules.check(longName));
        assertEquals("contacts.error.tooLong", tooLong.messageKey());
        assertEquals("firstName", tooLong.field());
        ContactDraft twice = ContactRules.check(new ContactDraft("A", null, List.of(new ContactValue("A@B.fr", "x"),
                new ContactValue("a@b.fr", "home")), List.of(), null, null, null, null, null));
        assertEquals(List.of(new ContactValue("a@b.fr", "other")), twice.emails());
        assertNull(twice.lastName());
    }

    @Test
    void aCardSentByAClientGivesItsFieldsAndGroupsAndOnlyOneCardIsAccepted() {
        ContactCards.Sent sent = ContactCards.sent("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:tel-1\r\nN:Martin;Paul;;;\r\n"
                + "EMAIL;TYPE=WORK:paul@exemple.fr\r\nCATEGORIES:Parents,parents, ,Équipe\r\nEND:VCARD\r\n");
        assertEquals("tel-1", sent.draft().uid());
        assertEquals("Martin", sent.draft().lastName());
        assertEquals(List.of("Parents", "Équipe"), sent.groups(), "valid names, once, case ignored");
        for (String notOne : List.of("", "NOTE:rien", "BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:B\r\n"
                + "END:VCARD\r\n")) {
            assertEquals("contacts.dav.notOneCard", assertThrows(InvalidInputException.class,
                    () -> ContactCards.sent(notOne)).messageKey(), notOne);
        }
    }

    @Test
    void anEditInThePortalKeepsWhatThePhoneStoredThatThePortalDoesNotShow() {
        String phone = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:tel-1\r\nFN:Paul Martin\r\nN:Martin;Paul;;;\r\n"
                + "TITLE:Ancien titre\r\nBDAY:1980-04-12\r\nX-PHONE-ONLY:garde-moi\r\nEND:VCARD\r\n";
        ContactDraft edited = ContactRules.check(new ContactDraft("Paul", "Martin", List.of(), List.of(), null,
                "Professeur de musique", null, null, "tel-1"));
        String card = ContactCards.write(phone, "tel-1", edited, List.of("Parents"));
        assertTrue(card.contains("TITLE:Professeur de musique") && !card.contains("Ancien titre"), card);
        assertTrue(card.contains("X-PHONE-ONLY:garde-moi"), card);
        assertTrue(card.contains("BDAY:1980"), card);
        assertTrue(card.contains("CATEGORIES:Parents"), card);
        assertEquals(1, card.split("UID:", -1).length - 1, card);
        assertEquals(ContactCards.write("tel-1", edited, List.of("Parents")), ContactCards.write(null, "tel-1",
                edited, List.of("Parents")), "nothing stored before: the portal's card");
    }
}
