package fr.preau.lists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import fr.preau.identity.AccountRows;
import fr.preau.mail.HeldMessage;
import fr.preau.mail.MailAddress;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MailboxContext;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.testing.AsNightlyJob;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.ItArchive;
import fr.preau.testing.SmtpProbe;
import fr.preau.testing.TestEnv;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.SubjectTerm;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Distribution lists in WildFly against the real PostgreSQL, Postfix and Dovecot (issue 12, item 3; docs/adr/0101):
 * a message sent to a list by a plain SMTP client arrives once in each member's INBOX, through lists inside lists and
 * loops, never in a disabled or suspended member's; who may post is refused at RCPT with its reason; a user cannot
 * change another's list (the same "not found" as a missing one), an establishment administrator only their
 * establishment's lists, nobody but the academy administrators the functional ones; addresses already taken are
 * refused; a disciplinary list follows the directory.
 */
@ExtendWith(ArquillianExtension.class)
class DistributionListIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("lists-it.war");
    }

    @EJB
    private AsListOwner owner;

    @EJB
    private AsListStranger stranger;

    @EJB
    private AsListAdmin admin;

    @EJB
    private AsListEtabAdmin etabAdmin;

    @EJB
    private ListsFixture fixture;

    @EJB
    private AsNightlyJob job;

    @EJB
    private DistributionLists lists;

    @Inject
    private AccountRows accountRows;

    @Inject
    private Mailbox mailbox;

    @EJB
    private MailboxAccess access;

    @BeforeEach
    void accounts() {
        fixture.reset();
        account(AsListOwner.USERNAME, ListsFixture.UAI);
        account(AsListStranger.USERNAME, ListsFixture.UAI);
        account(AsListAdmin.USERNAME, null);
        account(AsListEtabAdmin.USERNAME, ListsFixture.UAI);
        for (String member : new String[] {"it.liste.ana", "it.liste.ben", "it.liste.clo", "it.liste.dan"}) {
            account(member, ListsFixture.OTHER_UAI);
        }
    }

    private long account(String username, String uai) {
        return fixture.account(username, address(username), uai);
    }

    private static String address(String username) {
        return username + "@" + TestEnv.domain();
    }

    private static String listAddress() {
        return ListsFixture.PREFIX + UUID.randomUUID().toString().substring(0, 8) + "@" + TestEnv.domain();
    }

    private static ListDraft project(String name, PostingRule posting) {
        return new ListDraft(listAddress(), name, ListKind.PROJET, null, null, null, posting);
    }

    private static long inInbox(String username, String subject) throws Exception {
        try (ImapProbe inbox = ImapProbe.asMaster(address(username))) {
            return inbox.subjects("INBOX").stream().filter(subject::equals).count();
        }
    }

    private static long arrived(String username, String subject) throws Exception {
        try (ImapProbe inbox = ImapProbe.asMaster(address(username))) {
            return inbox.awaitSubject("INBOX", subject, WAIT);
        }
    }

    /** What the server answered to a refused message, with every nested exception's text. */
    private static String refusal(Executable send) {
        return SmtpProbe.refusal(send);
    }

    @Test
    void aMessageToAListArrivesOnceInEachMembersInboxThroughNestedListsAndLoopsButNotInADisabledOrSuspendedOne()
            throws Exception {
        DistributionList outer = owner.create(project("Projet Erasmus", PostingRule.ANYONE));
        DistributionList inner = owner.create(project("Erasmus — enseignants", PostingRule.ANYONE));
        for (String member : new String[] {"it.liste.ana", "it.liste.clo", "it.liste.dan"}) {
            owner.addMember(outer.id(), address(member));
        }
        owner.addMember(outer.id(), inner.address());
        owner.addMember(outer.id(), outer.address());
        owner.addMember(inner.id(), address("it.liste.ben"));
        owner.addMember(inner.id(), address("it.liste.ana"));
        owner.addMember(inner.id(), outer.address());
        fixture.disable("it.liste.clo");
        fixture.suspend("it.liste.dan");

        String toOuter = "Liste externe " + UUID.randomUUID();
        SmtpProbe.sendFromOutside(outer.address(), toOuter);
        String toInner = "Liste interne " + UUID.randomUUID();
        SmtpProbe.submit(address(AsListOwner.USERNAME) + "*" + TestEnv.get("PREAU_MASTER_USER"),
                TestEnv.get("PREAU_MASTER_PASSWORD"), address(AsListOwner.USERNAME), inner.address(), toInner);

        for (String member : new String[] {"it.liste.ana", "it.liste.ben"}) {
            assertEquals(1, arrived(member, toOuter), member + " gets the outer list's message");
            assertEquals(1, arrived(member, toInner), member + " gets the inner list's message");
        }
        // A suspended account may not send, so its witness comes from outside (SmtpProbe.witness submits as it).
        String witness = "Témoin " + UUID.randomUUID();
        SmtpProbe.sendFromOutside(address("it.liste.dan"), witness);
        assertEquals(1, arrived("it.liste.dan", witness), "the suspended member still receives direct mail");
        assertEquals(0, inInbox("it.liste.dan", toOuter), "a suspended member gets nothing from a list");
        assertEquals(0, inInbox("it.liste.dan", toInner));
        account("it.liste.clo", ListsFixture.OTHER_UAI);
        SmtpProbe.witness(address("it.liste.clo"), WAIT);
        assertEquals(0, inInbox("it.liste.clo", toOuter), "a disabled member got nothing while disabled");
        for (String member : new String[] {"it.liste.ana", "it.liste.ben"}) {
            SmtpProbe.witness(address(member), WAIT);
            assertEquals(1, inInbox(member, toOuter), member + " still has one copy: no loop");
            assertEquals(1, inInbox(member, toInner));
        }
    }

    @Test
    void onlyMembersMayPostToAMembersOnlyListAndTheRefusalSaysWhyOnBothPorts() throws Exception {
        DistributionList list = owner.create(project("Conseil pédagogique", PostingRule.MEMBERS));
        owner.addMember(list.id(), address("it.liste.ana"));
        owner.addMember(list.id(), address("it.liste.ben"));
        fixture.alias("it.liste.ben.alias@" + TestEnv.domain(), "it.liste.ben");
        String master = "*" + TestEnv.get("PREAU_MASTER_USER");
        String password = TestEnv.get("PREAU_MASTER_PASSWORD");

        assertTrue(owner.suggestedLists("conseil p").contains(list.address()),
                "compose suggests the list to whom may write to it");
        assertFalse(stranger.suggestedLists("conseil p").contains(list.address()), "and not to others");

        String outside = refusal(() -> SmtpProbe.sendFromOutside(list.address(), "Refusé dehors"));
        assertTrue(outside.contains("550") && outside.contains("Seuls les membres de cette liste peuvent y ecrire")
                && outside.contains("only members of this list may post to it"), outside);
        String colleague = refusal(() -> SmtpProbe.submit(address(AsListStranger.USERNAME) + master, password,
                address(AsListStranger.USERNAME), list.address(), "Refusé collègue"));
        assertTrue(colleague.contains("Seuls les membres de cette liste"), "submission too: " + colleague);

        String fromMember = "Membre " + UUID.randomUUID();
        SmtpProbe.submit(address("it.liste.ana") + master, password, address("it.liste.ana"), list.address(),
                fromMember);
        String fromAlias = "Alias " + UUID.randomUUID();
        SmtpProbe.sendFromOutside("it.liste.ben.alias@" + TestEnv.domain(), list.address(), fromAlias);
        String fromOwner = "Propriétaire " + UUID.randomUUID();
        SmtpProbe.submit(address(AsListOwner.USERNAME) + master, password, address(AsListOwner.USERNAME),
                list.address(), fromOwner);
        for (String subject : new String[] {fromMember, fromAlias, fromOwner}) {
            assertEquals(1, arrived("it.liste.ben", subject), subject);
        }

        owner.update(list.id(), "Conseil pédagogique", PostingRule.ACADEMY);
        assertTrue(stranger.suggestedLists("conseil p").contains(list.address()), "open to the academy");
        String academy = refusal(() -> SmtpProbe.sendFromOutside(list.address(), "Refusé académie"));
        assertTrue(academy.contains("Seuls les personnels de l'academie peuvent ecrire a cette liste")
                && academy.contains("only academy staff may post to this list"), academy);
        String fromColleague = "Collègue " + UUID.randomUUID();
        SmtpProbe.submit(address(AsListStranger.USERNAME) + master, password, address(AsListStranger.USERNAME),
                list.address(), fromColleague);
        assertEquals(1, arrived("it.liste.ana", fromColleague));

        owner.update(list.id(), "Conseil pédagogique", PostingRule.ANYONE);
        String fromParent = "Parent " + UUID.randomUUID();
        SmtpProbe.sendFromOutside(list.address(), fromParent);
        assertEquals(1, arrived("it.liste.ana", fromParent));
    }

    @Test
    void aUserCannotReadOrChangeAListTheyDoNotOwnAndNothingChanges() {
        DistributionList mine = owner.create(project("Sortie au musée", PostingRule.MEMBERS));
        ListMember ana = owner.addMember(mine.id(), address("it.liste.ana"));
        String before = fixture.stored(mine.id());
        long strangerId = account(AsListStranger.USERNAME, ListsFixture.UAI);

        String missing = assertThrows(NotFoundException.class, () -> stranger.card(Long.MAX_VALUE)).messageKey();
        List<Executable> crafted = List.of(() -> stranger.card(mine.id()),
                () -> stranger.members(mine.id()), () -> stranger.owners(mine.id()),
                () -> stranger.update(mine.id(), "Pris", PostingRule.ANYONE),
                () -> stranger.addMember(mine.id(), address(AsListStranger.USERNAME)),
                () -> stranger.removeMember(mine.id(), ana.id()),
                () -> stranger.addOwner(mine.id(), address(AsListStranger.USERNAME)),
                () -> stranger.delete(mine.id()), () -> admin.update(mine.id(), "Pris", PostingRule.ANYONE),
                () -> etabAdmin.delete(mine.id()));
        for (Executable call : crafted) {
            assertEquals(missing, assertThrows(NotFoundException.class, call).messageKey(),
                    "the same answer as for a missing list");
        }
        assertEquals(before, fixture.stored(mine.id()), "nothing changed");
        assertTrue(stranger.managed().stream().noneMatch(l -> l.id() == mine.id()));

        owner.addOwner(mine.id(), address(AsListStranger.USERNAME));
        assertEquals("Sortie au musée", stranger.card(mine.id()).name(), "a co-owner manages it");
        stranger.removeOwner(mine.id(), strangerId);
        assertThrows(NotFoundException.class, () -> stranger.card(mine.id()));
        long me = owner.owners(mine.id()).get(0).accountId();
        assertEquals("lists.owner.last",
                assertThrows(InvalidInputException.class, () -> owner.removeOwner(mine.id(), me)).messageKey());
        assertThrows(EJBAccessException.class, () -> job.call(() -> lists.card(mine.id())),
                "a role other than user or administrator (the nightly jobs') is refused");
        assertThrows(EJBAccessException.class, owner::recomputeDisciplinary, "only the directory import recomputes");
    }

    @Test
    void anEstablishmentAdministratorManagesOnlyTheirEstablishmentsListsAndOnlyAdministratorsTheFunctionalOnes() {
        DistributionList theirs = admin.create(new ListDraft(listAddress(), "Collège — tous", ListKind.ETABLISSEMENT,
                ListsFixture.UAI, null, null, PostingRule.ACADEMY));
        DistributionList other = admin.create(new ListDraft(listAddress(), "Autre collège", ListKind.ETABLISSEMENT,
                ListsFixture.OTHER_UAI, null, null, PostingRule.ACADEMY));
        DistributionList functional = admin.create(new ListDraft(listAddress(), "DSDEN — examens",
                ListKind.FONCTIONNELLE, null, null, null, PostingRule.MEMBERS));

        etabAdmin.addMember(theirs.id(), address("it.liste.ana"));
        assertEquals("Collège — tous (CA)", etabAdmin.update(theirs.id(), "Collège — tous (CA)",
                PostingRule.MEMBERS).name());
        List<Long> managed = etabAdmin.managed().stream().map(DistributionList::id).toList();
        assertTrue(managed.contains(theirs.id()) && !managed.contains(other.id())
                && !managed.contains(functional.id()), managed.toString());
        String otherBefore = fixture.stored(other.id());
        String functionalBefore = fixture.stored(functional.id());
        for (DistributionList l : List.of(other, functional)) {
            assertThrows(NotFoundException.class, () -> etabAdmin.addMember(l.id(), address("it.liste.ana")));
            assertThrows(NotFoundException.class, () -> etabAdmin.update(l.id(), "Pris", PostingRule.ANYONE));
            assertThrows(NotFoundException.class, () -> etabAdmin.delete(l.id()));
            assertThrows(NotFoundException.class, () -> owner.delete(l.id()));
        }
        assertEquals(otherBefore, fixture.stored(other.id()));
        assertEquals(functionalBefore, fixture.stored(functional.id()));

        long lists = fixture.lists();
        assertEquals("lists.kind.forbidden", assertThrows(InvalidInputException.class, () -> etabAdmin.create(
                new ListDraft(listAddress(), "Pris", ListKind.FONCTIONNELLE, null, null, null, null))).messageKey());
        assertEquals("lists.establishment.forbidden", assertThrows(InvalidInputException.class,
                () -> etabAdmin.create(new ListDraft(listAddress(), "Pris", ListKind.ETABLISSEMENT,
                        ListsFixture.OTHER_UAI, null, null, null))).messageKey());
        assertEquals("lists.kind.forbidden", assertThrows(InvalidInputException.class, () -> owner.create(
                new ListDraft(listAddress(), "Pris", ListKind.ETABLISSEMENT, ListsFixture.UAI, null, null, null)))
                .messageKey());
        assertEquals(lists, fixture.lists(), "nothing created");
        assertEquals(List.of(ListKind.ETABLISSEMENT, ListKind.PROJET), etabAdmin.creatableKinds());
        assertEquals(List.of(ListKind.PROJET), owner.creatableKinds());
        admin.delete(functional.id());
        assertThrows(NotFoundException.class, () -> admin.card(functional.id()));
    }

    @Test
    void anAddressAlreadyTakenOrOutsideTheAcademyIsRefusedAndNothingIsCreated() {
        DistributionList taken = owner.create(project("Chorale", PostingRule.MEMBERS));
        fixture.alias(ListsFixture.PREFIX + "alias@" + TestEnv.domain(), "it.liste.ana");
        long lists = fixture.lists();
        String alias = ListsFixture.PREFIX + "alias@" + TestEnv.domain();
        for (String address : List.of(address("it.liste.ana"), alias, taken.address().toUpperCase(Locale.ROOT))) {
            assertEquals("lists.address.taken", assertThrows(InvalidInputException.class, () -> owner.create(
                    new ListDraft(address, "Pris", ListKind.PROJET, null, null, null, null))).messageKey(), address);
        }
        assertEquals("lists.address.domain", assertThrows(InvalidInputException.class, () -> owner.create(
                new ListDraft("chorale@exemple.org", "Pris", ListKind.PROJET, null, null, null, null))).messageKey());
        assertEquals("lists.address.invalid", assertThrows(InvalidInputException.class, () -> owner.create(
                new ListDraft("pas une adresse", "Pris", ListKind.PROJET, null, null, null, null))).messageKey());
        assertEquals("lists.name.required", assertThrows(InvalidInputException.class, () -> owner.create(
                new ListDraft(listAddress(), "  ", ListKind.PROJET, null, null, null, null))).messageKey());
        assertEquals(lists, fixture.lists(), "nothing created");

        assertEquals("lists.member.unknown", assertThrows(InvalidInputException.class,
                () -> owner.addMember(taken.id(), "personne@" + TestEnv.domain())).messageKey());
        owner.addMember(taken.id(), "Parent.Eleve@Exemple.org");
        assertEquals(address("it.liste.ana"), owner.addMember(taken.id(), ListsFixture.PREFIX + "alias@"
                + TestEnv.domain()).address(), "an alias typed adds its account");
        assertEquals("lists.member.already", assertThrows(InvalidInputException.class,
                () -> owner.addMember(taken.id(), "parent.eleve@exemple.org")).messageKey());
        DistributionList functional = admin.create(new ListDraft(listAddress(), "Fonctionnelle",
                ListKind.FONCTIONNELLE, null, null, null, PostingRule.MEMBERS));
        assertEquals("lists.member.listForbidden", assertThrows(InvalidInputException.class,
                () -> owner.addMember(taken.id(), functional.address())).messageKey(),
                "nobody puts a list they do not manage inside theirs");
        assertEquals("Chorale|members|2|1", fixture.stored(taken.id()));
        assertTrue(accountRows.given("it.chorale", taken.address()),
                "a new account or a rename never takes a list's address (its identifier gets a number)");
    }

    @Test
    void aDisciplinaryListIsTheDirectorysTeachersOfItsDisciplineAndFollowsEachImport() {
        fixture.person("ITL1", "ENS", "Mathématiques", ListsFixture.UAI, "it.liste.ana");
        fixture.person("ITL2", "ENS", "mathématiques", ListsFixture.OTHER_UAI, "it.liste.ben");
        fixture.person("ITL3", "ENS", "Mathématiques", ListsFixture.FAR_UAI, "it.liste.clo");
        fixture.person("ITL4", "CPE", null, ListsFixture.UAI, "it.liste.dan");
        fixture.person("ITL5", "ENS", "Histoire-géographie", ListsFixture.UAI, AsListStranger.USERNAME);
        fixture.person("ITL6", "ENS", "Mathématiques", ListsFixture.UAI, null);

        DistributionList dept = admin.create(new ListDraft(listAddress(), "Mathématiques 099",
                ListKind.DISCIPLINAIRE, null, "Mathématiques", "099", PostingRule.ACADEMY));
        DistributionList college = admin.create(new ListDraft(listAddress(), "Mathématiques du collège",
                ListKind.DISCIPLINAIRE, ListsFixture.UAI, "Mathématiques", null, PostingRule.ACADEMY));
        assertEquals(List.of(address("it.liste.ana"), address("it.liste.ben")),
                admin.members(dept.id()).stream().map(ListMember::address).sorted().toList());
        assertEquals(List.of(address("it.liste.ana")),
                admin.members(college.id()).stream().map(ListMember::address).toList());
        assertTrue(admin.members(dept.id()).stream().allMatch(ListMember::computed));
        assertEquals("lists.member.computed", assertThrows(InvalidInputException.class,
                () -> admin.addMember(dept.id(), address("it.liste.dan"))).messageKey());
        assertEquals("lists.kind.forbidden", assertThrows(InvalidInputException.class, () -> etabAdmin.create(
                new ListDraft(listAddress(), "Pris", ListKind.DISCIPLINAIRE, ListsFixture.UAI, "Mathématiques",
                        null, null))).messageKey());

        fixture.leave("ITL2");
        fixture.person("ITL7", "ENS", "MATHÉMATIQUES", ListsFixture.OTHER_UAI, "it.liste.dan");
        assertEquals(2, (int) job.call(lists::recomputeDisciplinary), "ben left, dan arrived");
        assertEquals(List.of(address("it.liste.ana"), address("it.liste.dan")),
                admin.members(dept.id()).stream().map(ListMember::address).sorted().toList());
        assertEquals(0, (int) job.call(lists::recomputeDisciplinary), "a second run changes nothing");
    }

    @Test
    void aModeratedListHoldsMailUntilAnOwnerApprovesItOnceOrRefusesItAndNobodyElseReachesIt() throws Exception {
        DistributionList list = owner.create(project("Délégués des parents", PostingRule.ANYONE));
        owner.addMember(list.id(), address("it.liste.ana"));
        owner.addMember(list.id(), address("it.liste.ben"));
        assertTrue(owner.moderate(list.id(), true).moderated());
        String approved = "Modérée approuvée " + UUID.randomUUID();
        String refused = "Modérée refusée " + UUID.randomUUID();
        String recovered = "Modérée reprise " + UUID.randomUUID();
        SmtpProbe.sendFromOutside(list.address(), approved);
        SmtpProbe.sendFromOutside(list.address(), refused);
        SmtpProbe.sendFromOutside(list.address(), recovered);

        List<HeldMessage> held = awaitHeld(list.id(), 3);
        for (String member : new String[] {"it.liste.ana", "it.liste.ben"}) {
            SmtpProbe.witness(address(member), WAIT);
            assertEquals(0, inInbox(member, approved), member + " gets nothing while the message is held");
            assertEquals(0, inInbox(member, refused));
        }
        HeldMessage a = bySubject(held, approved);
        assertEquals("parent.eleve@exemple.org", a.envelopeSender());
        assertTrue(a.from().contains("parent.eleve@exemple.org"), a.from());
        assertEquals("Bonjour", a.preview());

        DistributionList strangers = stranger.create(project("Autre liste", PostingRule.ANYONE));
        assertThrows(NotFoundException.class, () -> stranger.held(list.id()));
        assertThrows(NotFoundException.class, () -> stranger.approve(list.id(), a.uid()));
        assertThrows(NotFoundException.class, () -> stranger.refuse(list.id(), a.uid()));
        assertThrows(NotFoundException.class, () -> stranger.approve(strangers.id(), a.uid()), "crafted uid");
        assertThrows(NotFoundException.class, () -> stranger.refuse(strangers.id(), a.uid()));
        assertThrows(NotFoundException.class, () -> admin.approve(list.id(), a.uid()), "a teacher's own list");
        assertEquals(3, owner.held(list.id()).size(), "nothing changed");

        owner.approve(list.id(), a.uid());
        owner.refuse(list.id(), bySubject(held, refused).uid());
        assertThrows(NotFoundException.class, () -> owner.approve(list.id(), a.uid()), "approved once only");
        assertEquals(1, fixture.audited("LIST_MESSAGE_APPROVED", AsListOwner.USERNAME, list.address(), a.messageId()));
        assertEquals(1, fixture.audited("LIST_MESSAGE_REFUSED", AsListOwner.USERNAME, list.address(),
                bySubject(held, refused).messageId()));
        // An approval that died right after its submission: the next one finds the evidence and sends nothing.
        HeldMessage r = bySubject(held, recovered);
        fixture.releasing(list.id(), r.messageId());
        MailboxContext holding = access.system(new MailAddress(ListModeration.HOLDING, null));
        mailbox.releaseHeld(holding, r.uid(), List.of(fixture.releaseAddress(list.id()),
                ListModeration.evidenceAddress(list.id())));
        owner.approve(list.id(), r.uid());
        assertEquals(List.of(), owner.held(list.id()));

        for (String member : new String[] {"it.liste.ana", "it.liste.ben"}) {
            assertEquals(1, arrived(member, approved), member + " gets the approved message");
            assertEquals(1, arrived(member, recovered));
            SmtpProbe.witness(address(member), WAIT);
            assertEquals(1, inInbox(member, approved), member + " has it once");
            assertEquals(1, inInbox(member, recovered), member + " has it once after the recovery");
            assertEquals(0, inInbox(member, refused), member + " never gets the refused one");
        }

        try (ImapProbe inbox = ImapProbe.asMaster(address("it.liste.ana"))) {
            Folder folder = inbox.store().getFolder("INBOX");
            folder.open(Folder.READ_ONLY);
            Message copy = folder.search(new SubjectTerm(approved))[0];
            assertEquals("smtp", copy.getHeader("X-Preau-Entree")[0].strip(), "marked as it first came in");
            assertEquals("parent.eleve@exemple.org", ((InternetAddress) copy.getFrom()[0]).getAddress());
            folder.close(false);
        }

        String release = fixture.releaseAddress(list.id());
        assertTrue(refusal(() -> SmtpProbe.sendFromOutside(release, "Contournement")).contains("Relay access denied"));
        String master = "*" + TestEnv.get("PREAU_MASTER_USER");
        String password = TestEnv.get("PREAU_MASTER_PASSWORD");
        for (String to : new String[] {release, ListModeration.holdingAddress(list.id())}) {
            assertTrue(refusal(() -> SmtpProbe.submit(address(AsListOwner.USERNAME) + master, password,
                    address(AsListOwner.USERNAME), to, "Contournement")).contains("reservee au portail"), to);
        }
        assertFalse(owner.moderate(list.id(), false).moderated());
        String direct = "Non modérée " + UUID.randomUUID();
        SmtpProbe.sendFromOutside(list.address(), direct);
        assertEquals(1, arrived("it.liste.ana", direct), "no longer moderated: delivered at once");
    }

    private List<HeldMessage> awaitHeld(long list, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<HeldMessage> held = owner.held(list);
        while (held.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
            held = owner.held(list);
        }
        assertEquals(count, held.size(), "held for the list");
        return held;
    }

    private static HeldMessage bySubject(List<HeldMessage> held, String subject) {
        return held.stream().filter(m -> subject.equals(m.subject())).findFirst().orElseThrow();
    }
}
