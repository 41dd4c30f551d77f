package fr.preau.delegation;

import static fr.preau.delegation.DelegationFixture.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.preau.identity.RecoveryMailer;
import fr.preau.mail.MailFixture;
import fr.preau.mail.MessageUid;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.ItArchive;
import fr.preau.testing.SmtpProbe;
import fr.preau.testing.TestEnv;
import jakarta.ejb.EJB;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Delegation in WildFly against PostgreSQL and Dovecot (issue 13; docs/adr/0103), with three people: the owner, the
 * delegate and a third person. Seen through a plain IMAP client logged in as each of them: the owner's folders appear
 * under {@code shared/<owner>/} only once the delegate accepted, with exactly the rights granted (read-only cannot
 * flag, delete, expunge or move out; read and file can), a folder created later is covered, the third person sees
 * nothing, and all of it disappears at the end. The permission service answers the same, end date checked at every
 * call; nobody else can answer, end or change a delegation (the same "not found" as a missing one, nothing changed);
 * bad input changes nothing; every step is audited with both identities.
 */
@ExtendWith(ArquillianExtension.class)
class DelegationIT {
    private static final String OWNER = AsDelegationOwner.USERNAME;
    private static final String DELEGATE = AsDelegationDelegate.USERNAME;
    private static final String STRANGER = AsDelegationStranger.USERNAME;
    private static final String SENDER = "ne-pas-repondre";
    private static final DelegationRights READ = new DelegationRights(MailAccess.READ, false, AgendaAccess.NONE);
    private static final DelegationRights FILE = new DelegationRights(MailAccess.FILE, false, AgendaAccess.NONE);
    private static final DelegationRights READ_AND_SEND = new DelegationRights(MailAccess.READ, true,
            AgendaAccess.NONE);

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("delegation-it.war");
    }

    @EJB
    private AsDelegationOwner owner;

    @EJB
    private AsDelegationDelegate delegate;

    @EJB
    private AsDelegationStranger stranger;

    @EJB
    private AsDelegationAdmin admin;

    @EJB
    private AsDelegationEtabAdmin etabAdmin;

    @EJB
    private DelegationFixture fixture;

    @EJB
    private MailFixture mail;

    private final String run = UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void noDelegation() throws Exception {
        mail.ensureAccount(SENDER, address(SENDER), "Messagerie académique");
        fixture.setting(RecoveryMailer.SENDER_SETTING, address(SENDER));
        fixture.accounts(List.of(OWNER, DELEGATE, STRANGER));
        fixture.reset(List.of(OWNER, DELEGATE, STRANGER));
        mail.resetMailbox(address(OWNER));
    }

    @Test
    void theOwnersFoldersOpenToTheDelegateOnlyOnceAcceptedWithTheRightsGrantedUntilTheEnd() throws Exception {
        String subject = "Conseil de classe " + run;
        try (ImapProbe o = ImapProbe.asMaster(address(OWNER))) {
            o.appendText("INBOX", address(STRANGER), subject, "Compte rendu");
        }
        Delegation d = owner.grant(address(DELEGATE), READ, null);
        assertEquals(DelegationStatus.PENDING, d.status());
        assertEquals(List.of(d.id()), owner.given().stream().map(Delegation::id).toList());
        assertEquals(List.of(d.id()), delegate.received().stream().map(Delegation::id).toList());
        assertTrue(stranger.received().isEmpty() && stranger.given().isEmpty());
        assertEquals(Optional.empty(), delegate.rights(DELEGATE, OWNER), "nothing before acceptance");
        try (ImapProbe mine = ImapProbe.asMaster(address(DELEGATE))) {
            String notice = "Délégation proposée par Titulaire Deleg / Delegation offered by Titulaire Deleg";
            assertTrue(mine.awaitSubject("INBOX", notice, Duration.ofSeconds(60)) > 0, "the delegate is told");
            String text = mine.text("INBOX", notice);
            assertTrue(text.contains("Titulaire Deleg (" + address(OWNER) + ")") && text.contains("« Accepter »")
                    && text.contains("Mail: "), text);
            assertEquals(List.of(), SharedFolders.listed(mine, address(OWNER)), "no folder before acceptance");
        }

        assertEquals(DelegationStatus.ACTIVE, delegate.accept(d.id()).status());
        assertEquals(Optional.of(READ), delegate.rights(DELEGATE, OWNER));
        assertEquals(Optional.of(READ), owner.rights(address(DELEGATE), address(OWNER)), "by address too");
        assertEquals(Optional.empty(), delegate.rights(OWNER, DELEGATE), "not the other way round");
        assertEquals(Optional.empty(), stranger.rights(STRANGER, OWNER));
        try (ImapProbe mine = ImapProbe.asMaster(address(DELEGATE))) {
            List<String> listed = SharedFolders.listed(mine, address(OWNER));
            assertTrue(listed.containsAll(List.of("INBOX", "Envoyés", "Archives", "Corbeille")), listed.toString());
            assertEquals(List.of(subject), mine.subjects("shared/" + address(OWNER) + "/INBOX"), "readable");
            // Dovecot opens the folder read-only ([READ-ONLY], no PERMANENTFLAGS) and, as RFC 3501 allows, answers
            // STORE and EXPUNGE with OK while changing nothing: assertUntouched checks the owner's copy below.
            SharedFolders.accepted(mine, address(OWNER), "INBOX", "STORE 1 +FLAGS (\\Flagged \\Deleted)");
            SharedFolders.accepted(mine, address(OWNER), "INBOX", "EXPUNGE");
            assertFalse(SharedFolders.accepted(mine, address(OWNER), "INBOX", "MOVE 1 INBOX"), "moved out");
            assertFalse(SharedFolders.accepted(mine, address(OWNER), "INBOX",
                    "COPY 1 \"shared/" + address(OWNER) + "/Archives\""), "filed in another folder");
        }
        assertUntouched(subject);
        assertTrue(fixture.portalFolders(DELEGATE).stream().noneMatch(f -> f.startsWith("shared")),
                "the delegate's own tree in the portal stays theirs: " + fixture.portalFolders(DELEGATE));

        String later = "Projets " + run;
        try (ImapProbe o = ImapProbe.asMaster(address(OWNER))) {
            assertTrue(o.store().getFolder(later).create(Folder.HOLDS_MESSAGES | Folder.HOLDS_FOLDERS));
        }
        try (ImapProbe mine = ImapProbe.asMaster(address(DELEGATE))) {
            assertTrue(SharedFolders.listed(mine, address(OWNER)).contains(later), "a folder created later");
        }
        try (ImapProbe third = ImapProbe.asMaster(address(STRANGER))) {
            assertEquals(List.of(), SharedFolders.listed(third, address(OWNER)), "the third person sees nothing");
            assertThrows(MessagingException.class, () -> third.subjects("shared/" + address(OWNER) + "/INBOX"));
        }

        assertEquals(FILE, owner.change(d.id(), FILE, null).rights());
        assertEquals(Optional.of(FILE), delegate.rights(DELEGATE, OWNER));
        try (ImapProbe mine = ImapProbe.asMaster(address(DELEGATE))) {
            assertTrue(SharedFolders.accepted(mine, address(OWNER), "INBOX", "STORE 1 +FLAGS (\\Flagged)"));
            assertTrue(SharedFolders.accepted(mine, address(OWNER), "INBOX",
                    "MOVE 1 \"shared/" + address(OWNER) + "/Archives\""), "filed");
        }
        try (ImapProbe o = ImapProbe.asMaster(address(OWNER))) {
            assertFalse(o.subjects("INBOX").contains(subject));
            Folder archives = o.store().getFolder("Archives");
            archives.open(Folder.READ_WRITE);
            try {
                Message[] found = archives.search(new jakarta.mail.search.SubjectTerm(subject));
                assertEquals(1, found.length, "moved once, into the owner's Archives");
                assertTrue(found[0].isSet(Flags.Flag.FLAGGED));
                found[0].setFlag(Flags.Flag.DELETED, true);
                archives.expunge();
            } finally {
                archives.close(false);
            }
            o.store().getFolder(later).delete(true);
        }

        delegate.end(d.id());
        assertEquals(Optional.empty(), delegate.rights(DELEGATE, OWNER));
        assertEquals("ended", fixture.status(d.id())[0]);
        assertEquals(DELEGATE, fixture.status(d.id())[1]);
        assertTrue(owner.given().isEmpty() && delegate.received().isEmpty());
        try (ImapProbe mine = ImapProbe.asMaster(address(DELEGATE))) {
            assertEquals(List.of(), SharedFolders.listed(mine, address(OWNER)), "gone after the end");
        }
        assertEquals(1, fixture.audited("DELEGATION_GRANTED", OWNER, OWNER, d.id()));
        assertEquals(1, fixture.audited("DELEGATION_ACCEPTED", DELEGATE, OWNER, d.id()));
        assertEquals(1, fixture.audited("DELEGATION_CHANGED", OWNER, OWNER, d.id()));
        assertEquals(1, fixture.audited("DELEGATION_ENDED", DELEGATE, OWNER, d.id()));
    }

    @Test
    void theDelegateWorksInTheOwnersMailboxInThePortalWithTheGrantedRightsOnly() throws Exception {
        String subject = "Bulletin " + run;
        try (ImapProbe o = ImapProbe.asMaster(address(OWNER))) {
            o.appendText("INBOX", address(STRANGER), subject, "Notes du trimestre");
        }
        assertEquals(address(DELEGATE), delegate.select(null), "one's own mailbox by default");
        assertEquals("mail.delegate.gone", gone(() -> delegate.select(address(OWNER))), "nothing before a grant");
        Delegation d = owner.grant(DELEGATE, READ_AND_SEND, null);
        assertEquals(List.of(), delegate.mailboxes(), "nothing before acceptance");
        delegate.accept(d.id());
        assertEquals(List.of(address(OWNER)), delegate.mailboxes());

        assertEquals(address(OWNER), delegate.select(address(OWNER)));
        List<String> tree = delegate.folders();
        assertTrue(tree.containsAll(List.of("INBOX:INBOX", "Envoyés:SENT", "Corbeille:TRASH", "Archives:ARCHIVE")),
                "the owner's folders under their own names, special folders found: " + tree);
        MessageUid uid = delegate.page("INBOX").stream().filter(m -> m.subject().equals(subject)).findFirst()
                .orElseThrow().uid();
        assertTrue(delegate.open("INBOX", uid).contains("Notes du trimestre"));
        assertEquals("mail.delegate.refused", gone(() -> delegate.move("INBOX", uid, "Archives")));
        assertEquals("mail.delegate.refused", gone(() -> delegate.delete("INBOX", uid)));
        assertEquals("mail.delegate.refused", gone(() -> delegate.flag("INBOX", uid)));
        assertEquals("mail.delegate.refused", gone(() -> delegate.createFolder("Nouveau " + run)));
        assertEquals("mail.error.folderGone", gone(() -> delegate.page("shared/" + address(STRANGER) + "/INBOX")),
                "a third person's folder named in a request is looked for among the owner's");
        assertEquals("mail.delegate.gone", gone(() -> delegate.select(address(STRANGER))), "a third mailbox");
        assertEquals(address(DELEGATE), delegate.select(null), "refused: back to one's own");
        assertUntouched(subject);

        delegate.select(address(OWNER));
        String sent = "De la part du portail " + run;
        long audited = fixture.auditedWith("MAIL_SENT_ON_BEHALF", DELEGATE, OWNER, "from=" + address(OWNER));
        delegate.send(address(STRANGER), sent);
        try (ImapProbe third = ImapProbe.asMaster(address(STRANGER))) {
            assertEquals(1, third.awaitSubject("INBOX", sent, Duration.ofSeconds(60)));
            assertTrue(third.header("INBOX", sent, "From").contains(address(OWNER)));
            assertTrue(third.header("INBOX", sent, "Sender").contains(address(DELEGATE)));
        }
        try (ImapProbe o = ImapProbe.asMaster(address(OWNER))) {
            assertTrue(o.subjects("Envoyés").contains(sent), "the copy in the owner's Envoyés");
        }
        try (ImapProbe mine = ImapProbe.asMaster(address(DELEGATE))) {
            assertFalse(mine.subjects("Envoyés").contains(sent), "not in the delegate's");
        }
        assertEquals(audited + 1, fixture.auditedWith("MAIL_SENT_ON_BEHALF", DELEGATE, OWNER,
                "from=" + address(OWNER)), "audited with both identities");

        owner.change(d.id(), FILE, null);
        assertEquals("mail.delegate.refused", gone(() -> delegate.send(address(STRANGER), "Refusé " + run)),
                "the right to send was taken back: the next request knows");
        assertEquals(1, delegate.move("INBOX", uid, "Archives"), "lecture et classement: filed");
        try (ImapProbe o = ImapProbe.asMaster(address(OWNER))) {
            assertFalse(o.subjects("INBOX").contains(subject));
            assertTrue(o.subjects("Archives").contains(subject), "moved into the owner's Archives");
        }

        owner.end(d.id());
        assertEquals("mail.delegate.gone", gone(() -> delegate.page("Archives")), "ended: refused at the next use");
        assertTrue(delegate.page("Archives").stream().noneMatch(m -> m.subject().equals(subject)),
                "the next request is in one's own mailbox");
        assertEquals(List.of(), delegate.mailboxes());
    }

    private static String gone(Runnable call) {
        return assertThrows(NotFoundException.class, call::run).messageKey();
    }

    private void assertUntouched(String subject) throws Exception {
        try (ImapProbe o = ImapProbe.asMaster(address(OWNER))) {
            Folder inbox = o.store().getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                Message[] found = inbox.search(new jakarta.mail.search.SubjectTerm(subject));
                assertEquals(1, found.length, "still in the owner's INBOX");
                assertFalse(found[0].isSet(Flags.Flag.FLAGGED) || found[0].isSet(Flags.Flag.DELETED));
            } finally {
                inbox.close(false);
            }
        }
    }

    @Test
    void onlyThePartiesAnswerEndOrChangeADelegationAndBadInputChangesNothing() {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        assertEquals("delegation.colleague.self", refused(() -> owner.grant(OWNER, READ, null)));
        assertEquals("delegation.colleague.unknown", refused(() -> owner.grant("personne." + run, READ, null)));
        assertEquals("delegation.colleague.required", refused(() -> owner.grant(" ", READ, null)));
        assertEquals("delegation.rights.none", refused(() -> owner.grant(DELEGATE,
                new DelegationRights(MailAccess.NONE, false, AgendaAccess.NONE), null)));
        assertEquals("delegation.until.past", refused(() -> owner.grant(DELEGATE, READ, today.minusDays(1))));
        assertTrue(owner.given().isEmpty(), "nothing granted");

        Delegation d = owner.grant(DELEGATE, FILE, today.plusDays(2));
        assertEquals("delegation.colleague.already", refused(() -> owner.grant(address(DELEGATE), READ, null)));
        String missing = assertThrows(NotFoundException.class, () -> stranger.accept(Long.MAX_VALUE)).messageKey();
        assertEquals(missing, assertThrows(NotFoundException.class, () -> stranger.accept(d.id())).messageKey());
        assertThrows(NotFoundException.class, () -> stranger.refuse(d.id()));
        assertThrows(NotFoundException.class, () -> stranger.end(d.id()));
        assertThrows(NotFoundException.class, () -> stranger.change(d.id(), READ, null));
        assertThrows(NotFoundException.class, () -> owner.accept(d.id()), "not addressed to the owner");
        assertThrows(NotFoundException.class, () -> delegate.change(d.id(), READ, null), "only the owner changes");
        assertEquals("pending", fixture.status(d.id())[0]);
        assertEquals("file", fixture.status(d.id())[2]);

        delegate.accept(d.id());
        assertThrows(NotFoundException.class, () -> delegate.accept(d.id()), "accepted once");
        assertThrows(NotFoundException.class, () -> stranger.end(d.id()));
        assertEquals("active", fixture.status(d.id())[0]);
        assertEquals(Optional.of(FILE), delegate.rights(DELEGATE, OWNER));
        fixture.endedAMinuteAgo(d.id());
        assertEquals(Optional.empty(), delegate.rights(DELEGATE, OWNER), "past its end before the nightly job");
        owner.end(d.id());
        assertEquals(1, fixture.audited("DELEGATION_ENDED", OWNER, OWNER, d.id()));

        Delegation refused = owner.grant(DELEGATE, READ, null);
        delegate.refuse(refused.id());
        assertEquals("refused", fixture.status(refused.id())[0]);
        assertTrue(delegate.received().isEmpty());
        assertEquals(1, fixture.audited("DELEGATION_REFUSED", DELEGATE, OWNER, refused.id()));

        Delegation late = owner.grant(DELEGATE, READ, today);
        fixture.endedAMinuteAgo(late.id());
        assertEquals("delegation.expired", refused(() -> delegate.accept(late.id())));
        assertEquals("pending", fixture.status(late.id())[0]);
    }

    @Test
    void aDelegateSendsOnBehalfFromAnyClientOnlyWithThatRightAndWhileItHolds() throws Exception {
        String master = "*" + TestEnv.get("PREAU_MASTER_USER");
        String password = TestEnv.get("PREAU_MASTER_PASSWORD");
        String login = address(DELEGATE) + master;
        Delegation d = owner.grant(DELEGATE, READ, null);
        delegate.accept(d.id());
        String withoutRight = SmtpProbe.refusal(() -> SmtpProbe.submitOnBehalf(login, password, address(OWNER),
                address(DELEGATE), address(STRANGER), "Sans le droit " + run));
        assertTrue(withoutRight.contains("553"), "read only: Postfix refuses the owner's address: " + withoutRight);

        owner.change(d.id(), READ_AND_SEND, null);
        String subject = "De la part de " + run;
        SmtpProbe.submitOnBehalf(login, password, address(OWNER), address(DELEGATE), address(STRANGER), subject);
        try (ImapProbe third = ImapProbe.asMaster(address(STRANGER))) {
            assertEquals(1, third.awaitSubject("INBOX", subject, Duration.ofSeconds(60)));
            assertEquals(address(OWNER), third.header("INBOX", subject, "From"));
            assertEquals(address(DELEGATE), third.header("INBOX", subject, "Sender"));
        }
        String forgedSender = SmtpProbe.refusal(() -> SmtpProbe.submitOnBehalf(login, password, address(OWNER),
                address(STRANGER), address(DELEGATE), "Autre Sender " + run));
        assertTrue(forgedSender.contains("550"), "Sender: must be the signed-in delegate: " + forgedSender);
        String third = SmtpProbe.refusal(() -> SmtpProbe.submitOnBehalf(address(STRANGER) + master, password,
                address(OWNER), address(STRANGER), address(DELEGATE), "Un tiers " + run));
        assertTrue(third.contains("553"), "nobody else: " + third);

        fixture.endedAMinuteAgo(d.id());
        String ended = SmtpProbe.refusal(() -> SmtpProbe.submitOnBehalf(login, password, address(OWNER),
                address(DELEGATE), address(STRANGER), "Après la fin " + run));
        assertTrue(ended.contains("553"), "past its end, before the nightly job: " + ended);
    }

    @Test
    void administratorsSeeTheOpenDelegationsOfTheirEstablishmentsOnly() {
        fixture.accounts(List.of(AsDelegationAdmin.USERNAME, AsDelegationEtabAdmin.USERNAME));
        fixture.placeIn(AsDelegationEtabAdmin.USERNAME, "0699901A");
        fixture.placeIn(OWNER, "0699901A");
        Delegation d = owner.grant(DELEGATE, READ, null);
        assertTrue(ids(admin.oversee()).contains(d.id()), "an academy administrator sees every one");
        assertTrue(ids(etabAdmin.oversee()).contains(d.id()), "an establishment's administrator, its owners'");
        Delegation seen = etabAdmin.oversee().stream().filter(x -> x.id() == d.id()).findFirst().orElseThrow();
        assertEquals(address(OWNER), seen.ownerAddress());
        assertEquals(address(DELEGATE), seen.delegateAddress());
        assertEquals(OWNER, seen.grantedBy());

        fixture.placeIn(OWNER, "0699902B");
        assertFalse(ids(etabAdmin.oversee()).contains(d.id()), "not another establishment's");
        assertTrue(ids(admin.oversee()).contains(d.id()));
        assertThrows(jakarta.ejb.EJBAccessException.class, owner::oversee, "not a plain user");
        owner.end(d.id());
        assertFalse(ids(admin.oversee()).contains(d.id()), "open ones only; the history is in the audit log");
    }

    private static List<Long> ids(List<Delegation> found) {
        return found.stream().map(Delegation::id).toList();
    }

    private static String refused(Runnable call) {
        return assertThrows(InvalidInputException.class, call::run).messageKey();
    }
}
