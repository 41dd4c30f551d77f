package fr.preau.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.ItArchive;
import fr.preau.testing.TestEnv;
import jakarta.ejb.EJB;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The caller's own mailbox through the services the mail page uses (folders, list, reading, compose), in a real
 * WildFly against the real Dovecot, Postfix and PostgreSQL that {@code bin/preau test} started: a page of a folder,
 * reading a message, sending and receiving.
 */
@ExtendWith(ArquillianExtension.class)
class OwnMailboxIT {
    private static final String RECIPIENT = "it.destinataire";

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("mail-it.war");
    }

    @EJB
    private AsItUser user;

    @EJB
    private AsUnknownUser unknown;

    @EJB
    private MailFixture fixture;

    private String address;
    private String recipient;

    @BeforeEach
    void mailboxes() throws Exception {
        address = AsItUser.USERNAME + "@" + TestEnv.domain();
        recipient = RECIPIENT + "@" + TestEnv.domain();
        fixture.ensureAccount(AsItUser.USERNAME, address, "Camille Courrier");
        fixture.ensureAccount(RECIPIENT, recipient, "Dominique Destinataire");
        fixture.resetMailbox(address);
        fixture.resetMailbox(recipient);
    }

    @Test
    void theSignedInUserReachesTheirOwnMailbox() {
        assertEquals(address, user.currentMailbox().address());
        assertEquals("Camille Courrier", user.currentMailbox().personal());
    }

    @Test
    void specialFoldersComeFirstWithTheirRoles() {
        List<FolderInfo> folders = user.folders();
        assertEquals(SpecialUse.INBOX, folders.get(0).use());
        List<SpecialUse> uses = folders.stream().map(FolderInfo::use).toList();
        assertTrue(uses.containsAll(List.of(SpecialUse.DRAFTS, SpecialUse.SENT, SpecialUse.TRASH, SpecialUse.JUNK,
                SpecialUse.ARCHIVE)), "special-use folders: " + uses);
    }

    @Test
    void aPageHoldsOnlyItsMessagesNewestFirstWithTheFolderTotal() throws Exception {
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            MimeMessage[] batch = new MimeMessage[120];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = plain("Message " + (i + 1), "Corps " + (i + 1));
            }
            imap.append("INBOX", batch);
        }
        MessagePage first = user.messages(FolderPath.INBOX, 0, 50);
        assertEquals(120, first.total());
        assertEquals(50, first.messages().size());
        assertEquals("Message 120", first.messages().get(0).subject());
        assertEquals("Message 71", first.messages().get(49).subject());
        assertFalse(first.messages().get(0).seen());

        MessagePage last = user.messages(FolderPath.INBOX, 100, 50);
        assertEquals(20, last.messages().size());
        assertEquals("Message 1", last.messages().get(19).subject());
        assertTrue(user.messages(FolderPath.INBOX, 200, 50).messages().isEmpty());

        FolderInfo inbox = user.folders().get(0);
        assertEquals(120, inbox.total());
        assertEquals(120, inbox.unread());
    }

    @Test
    void openingAMessageShowsItsTextAndAttachmentsAndMarksItRead() throws Exception {
        MimeMessage html = new MimeMessage(Session.getInstance(new Properties()));
        html.setFrom(new InternetAddress("jean.martin@" + TestEnv.domain(), "Jean Martin", "UTF-8"));
        html.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address));
        html.setSubject("Conseil de classe de 2nde 3", "UTF-8");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent("<html><body><p>Bonjour,</p><p>Le conseil de classe aura lieu <b>jeudi à 17 h</b>."
                + "</p><script>alert(1)</script></body></html>", "text/html; charset=UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setText("Nom;Moyenne\nA.;14\n", "UTF-8");
        attachment.setFileName("moyennes.csv");
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        html.setContent(new MimeMultipart(body, attachment));
        html.saveChanges();
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            imap.append("INBOX", html);
        }
        MessageSummary row = user.messages(FolderPath.INBOX, 0, 10).messages().get(0);
        assertFalse(row.seen());

        MessageContent content = user.open(FolderPath.INBOX, row.uid());
        assertTrue(content.text().contains("Le conseil de classe aura lieu jeudi à 17 h."), content.text());
        assertFalse(content.text().contains("alert"), "script text is not shown");
        assertEquals(List.of("moyennes.csv"), content.attachmentNames());
        assertEquals("Jean Martin", content.summary().from().personal());
        assertTrue(user.messages(FolderPath.INBOX, 0, 10).messages().get(0).seen());
    }

    @Test
    void readingInThePortalNeverExpungesWhatAnotherClientMarkedDeleted() throws Exception {
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            imap.append("INBOX", plain("À supprimer plus tard", "a"), plain("À lire", "b"));
            jakarta.mail.Folder inbox = imap.store().getFolder("INBOX");
            inbox.open(jakarta.mail.Folder.READ_WRITE);
            inbox.getMessage(1).setFlag(jakarta.mail.Flags.Flag.DELETED, true);
            inbox.close(false);
        }
        MessageSummary toRead = user.messages(FolderPath.INBOX, 0, 10).messages().get(0);
        assertEquals("À lire", toRead.subject());
        user.open(FolderPath.INBOX, toRead.uid());
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            assertEquals(List.of("À supprimer plus tard", "À lire"), imap.subjects("INBOX"));
        }
    }

    @Test
    void aMessageThatIsGoneSaysSo() {
        MessageUid nowhere = new MessageUid(1, 999_999);
        assertThrows(NotFoundException.class, () -> user.open(FolderPath.INBOX, nowhere));
    }

    @Test
    void aSentMessageReachesItsRecipientOnceAndACopyStaysInSent() throws Exception {
        String subject = "Sortie au musée " + UUID.randomUUID();
        user.send(new OutgoingMessage(List.of(new MailAddress(recipient, "Dominique Destinataire")), List.of(),
                subject, "Bonjour,\nLa sortie est confirmée.\n"));
        try (ImapProbe imap = ImapProbe.asMaster(recipient)) {
            assertEquals(1, imap.awaitSubject("INBOX", subject, Duration.ofSeconds(20)));
        }
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            assertEquals(1, imap.subjects("Envoyés").stream().filter(subject::equals).count());
        }
    }

    @Test
    void anUnknownRecipientOfTheAcademyIsNamedAndNothingIsSent() throws Exception {
        String subject = "Destinataire inconnu " + UUID.randomUUID();
        String unknownAddress = "personne.inconnue." + UUID.randomUUID().toString().substring(0, 6) + "@"
                + TestEnv.domain();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> user.send(new OutgoingMessage(
                List.of(new MailAddress(recipient, null), new MailAddress(unknownAddress, null)), List.of(),
                subject, "Bonjour")));
        assertEquals("compose.error.rejected", e.messageKey());
        assertTrue(e.argument().contains(unknownAddress), e.argument());
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            assertEquals(0, imap.subjects("Envoyés").stream().filter(subject::equals).count());
        }
        try (ImapProbe imap = ImapProbe.asMaster(recipient)) {
            assertEquals(0, imap.awaitSubject("INBOX", subject, Duration.ofSeconds(2)));
        }
    }

    @Test
    void aSignedInIdentityWithoutAccountReachesNoMailbox() {
        NotFoundException e = assertThrows(NotFoundException.class, () -> unknown.folders());
        assertEquals("account.missing", e.messageKey());
    }

    private MimeMessage plain(String subject, String text) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("sophie.bernard@" + TestEnv.domain()));
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.saveChanges();
        return m;
    }
}
