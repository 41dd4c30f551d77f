package fr.preau.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import fr.preau.mail.MailAddress;
import fr.preau.mail.Suggestion;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.testing.AsNightlyJob;
import fr.preau.testing.ItArchive;
import fr.preau.testing.TestEnv;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The address book in WildFly against PostgreSQL, with two users: what one keeps the other can neither read nor
 * change (the same "not found" as a missing id), bad input changes nothing, an import keeps what is valid and is not
 * repeated, the compose suggestions offer the caller's contacts first, and every change moves the CardDAV markers.
 */
@ExtendWith(ArquillianExtension.class)
class AddressBookIT {
    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("contacts-it.war").addAsResource("contacts/cartes-abimees.vcf")
                .addAsResource("contacts/gmail.csv").addAsResource("contacts/pas-un-carnet.txt");
    }

    @EJB
    private AsContactsOwner owner;

    @EJB
    private AsContactsStranger stranger;

    @EJB
    private ContactsFixture fixture;

    @EJB
    private AsNightlyJob job;

    @EJB
    private AddressBook book;

    @BeforeEach
    void emptyBooks() {
        fixture.emptyBook(AsContactsOwner.USERNAME, AsContactsOwner.USERNAME + "@" + TestEnv.domain());
        fixture.emptyBook(AsContactsStranger.USERNAME, AsContactsStranger.USERNAME + "@" + TestEnv.domain());
    }

    private static ContactDraft helene() {
        return new ContactDraft("Hélène", "Dupré", List.of(new ContactValue("Helene.Dupre@example.org", "home"),
                new ContactValue("helene.dupre@ac-preau.fr", "work")), List.of(new ContactValue("06 12 34 56 78",
                "mobile")), "Collège Jean Moulin", "Professeure de mathématiques", "12 rue des Écoles\n69003 Lyon",
                "Référente numérique", null);
    }

    @Test
    void aContactIsCreatedFoundWithoutAccentsEditedGroupedAndDeleted() {
        Contact c = owner.create(helene());
        assertEquals("helene.dupre@example.org", c.email());
        assertEquals(List.of(c.id()), owner.search("HELENE dupr", null).stream().map(Contact::id).toList());
        assertEquals(List.of(c.id()), owner.search("jean moulin", null).stream().map(Contact::id).toList());
        assertTrue(owner.search("dupont", null).isEmpty());
        Object[] before = fixture.stored(c.id());

        ContactDraft edited = new ContactDraft("Hélène", "Dupré-Lenoir", c.fields().emails(), List.of(), null,
                "Principale adjointe", null, null, null);
        Contact e = owner.update(c.id(), edited);
        assertEquals("Dupré-Lenoir", e.fields().lastName());
        assertEquals(c.uid(), e.uid());
        assertEquals(c.revision() + 1, e.revision());
        Object[] after = fixture.stored(c.id());
        assertTrue(((Number) after[0]).longValue() > ((Number) before[0]).longValue(), "the book's token moved");
        assertTrue(((String) after[2]).contains("Dupré-Lenoir"), "the stored card follows: " + after[2]);

        long equipe = owner.createGroup("Équipe 5e");
        long conseil = owner.createGroup("Conseil pédagogique");
        assertEquals("contacts.group.exists",
                assertThrows(InvalidInputException.class, () -> owner.createGroup(" équipe 5E ")).messageKey());
        Contact grouped = owner.setGroups(c.id(), Set.of(equipe, conseil));
        assertEquals(List.of("Conseil pédagogique", "Équipe 5e"),
                grouped.groups().stream().map(ContactGroup::name).toList());
        assertEquals(List.of(c.id()), owner.search(null, equipe).stream().map(Contact::id).toList());
        owner.renameGroup(equipe, "Équipe de 5e");
        assertTrue(((String) fixture.stored(c.id())[2]).contains("Équipe de 5e"), "CATEGORIES follow the rename");
        String export = new String(owner.export(equipe, false), StandardCharsets.UTF_8);
        assertTrue(export.contains("VERSION:4.0") && export.contains("FN:Hélène Dupré-Lenoir"), export);
        assertTrue(new String(owner.export(null, true), StandardCharsets.UTF_8).contains("VERSION:3.0"));
        owner.deleteGroup(equipe);
        assertEquals(List.of("Conseil pédagogique"),
                owner.card(c.id()).groups().stream().map(ContactGroup::name).toList());

        owner.delete(c.id());
        assertThrows(NotFoundException.class, () -> owner.card(c.id()));
        assertEquals(1, fixture.deleted(AsContactsOwner.USERNAME, c.uid()), "kept for sync-collection");
    }

    @Test
    void anotherUsersContactOrGroupIsNotFoundAndUnchanged() {
        Contact mine = owner.create(helene());
        long group = owner.createGroup("Parents délégués");
        owner.setGroups(mine.id(), Set.of(group));

        NotFoundException read = assertThrows(NotFoundException.class, () -> stranger.card(mine.id()));
        NotFoundException missing = assertThrows(NotFoundException.class, () -> stranger.card(Long.MAX_VALUE));
        assertEquals(missing.messageKey(), read.messageKey(), "the same answer as for a missing contact");
        assertThrows(NotFoundException.class, () -> stranger.update(mine.id(), helene()));
        assertThrows(NotFoundException.class, () -> stranger.delete(mine.id()));
        assertThrows(NotFoundException.class, () -> stranger.setGroups(mine.id(), Set.of()));
        assertThrows(NotFoundException.class, () -> stranger.renameGroup(group, "Pris"));
        assertThrows(NotFoundException.class, () -> stranger.deleteGroup(group));
        assertThrows(NotFoundException.class, () -> stranger.export(group, false));
        assertThrows(NotFoundException.class, () -> stranger.search(null, group));
        assertTrue(stranger.search("helene", null).isEmpty());
        assertTrue(stranger.groups().isEmpty());
        Contact own = stranger.create(new ContactDraft("Yves", "Autre", List.of(), List.of(), null, null, null,
                null, null));
        assertThrows(NotFoundException.class, () -> stranger.setGroups(own.id(), Set.of(group)),
                "a group of another book");
        assertThrows(NotFoundException.class, () -> owner.setGroups(mine.id(), Set.of(group, -1L)));

        Contact still = owner.card(mine.id());
        assertEquals(mine.fields(), still.fields());
        assertEquals(mine.revision() + 1, still.revision(), "only the owner's own grouping changed it");
        assertEquals(List.of("Parents délégués"), still.groups().stream().map(ContactGroup::name).toList());
        assertEquals(1, owner.groups().get(0).size());
        assertThrows(EJBAccessException.class, () -> job.call(() -> book.card(mine.id())),
                "a role other than user (the nightly jobs') is refused");
    }

    @Test
    void badInputGetsItsMessageAndChangesNothing() {
        Contact c = owner.create(helene());
        ContactDraft noName = new ContactDraft(" ", "", List.of(), List.of(new ContactValue("01 02", "work")), null,
                null, null, null, null);
        assertEquals("contacts.error.empty",
                assertThrows(InvalidInputException.class, () -> owner.create(noName)).messageKey());
        ContactDraft badAddress = new ContactDraft("Paul", null, List.of(new ContactValue("paul@", "work")),
                List.of(), null, null, null, null, null);
        InvalidInputException bad = assertThrows(InvalidInputException.class, () -> owner.update(c.id(), badAddress));
        assertEquals("contacts.error.address", bad.messageKey());
        assertEquals("paul@", bad.argument());
        ContactDraft tooLong = new ContactDraft("Paul", null, List.of(), List.of(), null, null, null, "n".repeat(2001),
                null);
        assertEquals("contacts.error.tooLong",
                assertThrows(InvalidInputException.class, () -> owner.update(c.id(), tooLong)).messageKey());
        assertEquals("contacts.group.empty",
                assertThrows(InvalidInputException.class, () -> owner.createGroup("  ")).messageKey());
        assertEquals(c, owner.card(c.id()));
        assertEquals(1, owner.search(null, null).size());
        assertTrue(owner.groups().isEmpty());
    }

    @Test
    void anImportKeepsWhatIsValidListsTheRestAndIsNotRepeated() throws Exception {
        ImportReport first = owner.importFile(ContactFileTest.resource("cartes-abimees.vcf"));
        assertEquals(ContactFile.Kind.VCARD, first.kind());
        assertEquals(4, first.created());
        assertEquals(List.of(new ImportReport.Rejected(3, "contacts.error.empty", null),
                new ImportReport.Rejected(4, "contacts.error.address", "paul.martin@@exemple")), first.rejected());
        Contact helene = owner.search("helene", null).get(0);
        assertEquals("urn:uuid:6f1c2a52-1111-4c1e-9f0a-000000000001", helene.uid(), "the card's UID is kept");
        Contact karim = owner.search("karim", null).get(0);
        assertEquals(List.of("Équipe 5e", "Parents délégués"), karim.groups().stream().map(ContactGroup::name)
                .toList(), "the card's CATEGORIES become groups, once each whatever their case");
        assertEquals(List.of("Équipe 5e", "Parents délégués"), owner.groups().stream().map(ContactGroup::name)
                .toList());

        ImportReport again = owner.importFile(ContactFileTest.resource("cartes-abimees.vcf"));
        assertEquals(0, again.created());
        assertEquals(4, again.duplicates());
        assertEquals(4, owner.search(null, null).size());
        assertEquals(2, owner.groups().size(), "no group created twice");

        ImportReport gmail = owner.importFile(ContactFileTest.resource("gmail.csv"));
        assertEquals(1, gmail.created());
        assertEquals(5, owner.search(null, null).size());

        assertEquals("contacts.import.notContacts", assertThrows(InvalidInputException.class,
                () -> owner.importFile(ContactFileTest.resource("pas-un-carnet.txt"))).messageKey());
        assertEquals(5, owner.search(null, null).size());
        assertTrue(stranger.search(null, null).isEmpty(), "imported into the caller's book only");
    }

    @Test
    void aDirectoryPersonIsAddedWithProfessionalDataOnlyAndSuggestedFirst() {
        String address = "agnes.fontaine@" + TestEnv.domain();
        long person = fixture.person("it-carnet-1", address);
        Contact agnes = owner.addFromDirectory(person);
        assertEquals("Agnès", agnes.fields().firstName());
        assertEquals(List.of(new ContactValue(address, "work")), agnes.fields().emails());
        assertEquals(List.of(new ContactValue("04 78 00 00 09", "work")), agnes.fields().phones(),
                "the personal phone stays out");
        assertEquals("Collège Jean Moulin (Bron)", agnes.fields().organisation());
        assertNull(agnes.fields().note());
        assertEquals(agnes.id(), owner.addFromDirectory(person).id(), "not created twice");
        assertEquals(1, owner.search(null, null).size());

        Contact zeller = owner.create(new ContactDraft("Agathe", "Zeller", List.of(new ContactValue(
                "agathe.z@example.org", "home")), List.of(), null, null, null, null, null));
        List<Suggestion> suggested = owner.suggest("aga");
        assertEquals(new MailAddress("agathe.z@example.org", "Agathe Zeller"), suggested.get(0).address(),
                "a contact comes before accounts and the directory: " + suggested);
        assertFalse(stranger.suggest("agathe").stream()
                .anyMatch(a -> a.address().address().equals("agathe.z@example.org")),
                "nobody else is offered another user's contacts");

        // Ranked by use (issue 12, item 6): an address written to twice comes before a contact never written to.
        MailAddress blanc = new MailAddress("agathe.b@example.org", "Agathe Blanc");
        owner.remember(List.of(blanc));
        owner.remember(List.of(blanc));
        suggested = owner.suggest("agathe");
        assertEquals(List.of("agathe.b@example.org", "agathe.z@example.org"), suggested.stream().limit(2)
                .map(s -> s.address().address()).toList(), "by use, then contacts first: " + suggested);
        assertEquals(2, suggested.get(0).uses());
        assertEquals(Suggestion.Kind.CONTACT, suggested.get(1).kind());

        // A contact group: all its members at once, found by its name typed without accents; the caller's only.
        long group = owner.createGroup("Équipe agrégée");
        owner.setGroups(zeller.id(), java.util.Set.of(group));
        Suggestion team = owner.suggest("EQUIPE agreg").stream().filter(s -> s.kind() == Suggestion.Kind.GROUP)
                .findFirst().orElseThrow();
        assertEquals("Équipe agrégée", team.label());
        assertEquals(List.of(new MailAddress("agathe.z@example.org", "Agathe Zeller")), team.addresses());
        assertTrue(stranger.suggest("equipe agreg").stream().noneMatch(s -> s.kind() == Suggestion.Kind.GROUP),
                "nobody else is offered another user's groups");
    }
}
