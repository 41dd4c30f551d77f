package fr.preau.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import fr.preau.shared.NotFoundException;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.ItArchive;
import fr.preau.testing.TestEnv;
import jakarta.ejb.EJB;
import jakarta.mail.Session;
import jakarta.mail.Transport;
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
 * Reading against the real Dovecot and PostgreSQL: the sanitised body with its inline image address, attachments
 * streamed from IMAP, raw headers, the external sender flag from table mail_domain, trusted senders, and a folder/UID
 * that only ever reaches the caller's own mailbox.
 */
@ExtendWith(ArquillianExtension.class)
class ReadingServiceIT {
    private static final String OTHER = "it.voisin";

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("reading-it.war");
    }

    @EJB
    private AsReader reader;

    @EJB
    private MailFixture fixture;

    private String address;
    private String other;

    @BeforeEach
    void mailboxes() throws Exception {
        address = AsReader.USERNAME + "@" + TestEnv.domain();
        other = OTHER + "@" + TestEnv.domain();
        fixture.ensureAccount(AsReader.USERNAME, address, "Léa Lecteur");
        fixture.ensureAccount(OTHER, other, "Victor Voisin");
        fixture.resetMailbox(address);
        fixture.resetMailbox(other);
        reader.forgetTrustedSenders();
    }

    @Test
    void anHtmlMessageIsSanitisedItsPartsServedAndItsHeadersKept() throws Exception {
        String subject = "Sortie scolaire " + UUID.randomUUID();
        byte[] logo = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("agence@voyages-externes.example", "Agence", "UTF-8"));
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address));
        m.setSubject(subject, "UTF-8");
        m.setHeader("X-Trace", "<b>brut</b>");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p onclick=\"alert(1)\">Départ à 8 h</p><img src=\"cid:logo@agence\" alt=\"Logo\">"
                + "<img src=\"https://tracker.example/p.gif\"><script>alert(1)</script>", "text/html; charset=UTF-8");
        MimeBodyPart image = new MimeBodyPart();
        image.setContent(logo, "image/png");
        image.setContentID("<logo@agence>");
        MimeBodyPart csv = new MimeBodyPart();
        csv.setText("Nom;Classe\nA.;4e B\n", "UTF-8");
        csv.setFileName("liste élèves.csv");
        csv.setDisposition(MimeBodyPart.ATTACHMENT);
        MimeBodyPart related = new MimeBodyPart();
        related.setContent(new MimeMultipart("related", html, image));
        m.setContent(new MimeMultipart(related, csv));
        m.saveChanges();
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            imap.append("INBOX", m);
        }
        MessageUid uid = reader.messages(FolderPath.INBOX).messages().get(0).uid();

        MessageContent content = reader.open(FolderPath.INBOX, uid);
        assertTrue(content.html());
        assertTrue(content.externalSender());
        assertEquals(1, content.remoteImages());
        assertFalse(content.imagesTrusted());
        assertEquals(List.of("liste élèves.csv"), content.attachmentNames());
        assertTrue(content.text().contains("Départ à 8 h"), content.text());

        MessageBody body = reader.body(FolderPath.INBOX, uid, false);
        assertFalse(body.html().contains("script") || body.html().contains("onclick")
                || body.html().contains("tracker.example"), body.html());
        assertTrue(body.html().contains("src=\"/mail/piece-jointe?partie&#61;r.0.1\""), body.html());
        assertEquals(1, body.blockedImages());
        assertTrue(reader.body(FolderPath.INBOX, uid, true).html().contains("https://tracker.example/p.gif"));

        assertArrayEquals(logo, reader.download(FolderPath.INBOX, uid, "r.0.1"));
        assertEquals("Nom;Classe\nA.;4e B\n", new String(reader.download(FolderPath.INBOX, uid, "r.1"),
                StandardCharsets.UTF_8).replace("\r\n", "\n"));
        assertThrows(NotFoundException.class, () -> reader.download(FolderPath.INBOX, uid, "r.0"),
                "only listed parts are served");
        assertThrows(NotFoundException.class, () -> reader.download(FolderPath.INBOX, uid, "../r.1"));

        assertTrue(reader.headers(FolderPath.INBOX, uid).contains("X-Trace: <b>brut</b>"));

        reader.trustSender(content.summary().from());
        assertTrue(reader.open(FolderPath.INBOX, uid).imagesTrusted());
        assertEquals(0, reader.body(FolderPath.INBOX, uid, false).blockedImages(), "trusted sender");
    }

    @Test
    void mailFromTheAcademyIsNotExternal() throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("sophie.bernard@" + TestEnv.domain()));
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address));
        m.setSubject("Interne", "UTF-8");
        m.setText("Bonjour", "UTF-8");
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            imap.append("INBOX", m);
        }
        MessageUid uid = reader.messages(FolderPath.INBOX).messages().get(0).uid();
        MessageContent content = reader.open(FolderPath.INBOX, uid);
        assertFalse(content.externalSender());
        assertFalse(content.html());
    }

    @Test
    void mailThatEnteredFromOutsideIsExternalWhateverItsFromSays() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // An outsider writes as a colleague through inbound SMTP, and adds the header Postfix adds on submission.
        String forged = "Convocation " + run;
        MimeMessage spoof = message("sophie.bernard@" + TestEnv.domain(), forged);
        spoof.setHeader("X-Preau-Entree", "submission");
        try (Transport t = Session.getInstance(new Properties()).getTransport("smtp")) {
            t.connect("127.0.0.1", TestEnv.port("PREAU_SMTP_PORT"), null, null);
            t.sendMessage(spoof, spoof.getAllRecipients());
        }
        // The same colleague's address, really signed in (the portal's master login) on the submission port.
        String genuine = "Compte rendu " + run;
        Properties submission = new Properties();
        submission.put("mail.smtp.auth", "true");
        try (Transport t = Session.getInstance(submission).getTransport("smtp")) {
            t.connect("127.0.0.1", TestEnv.port("PREAU_SUBMISSION_PORT"),
                    other + "*" + TestEnv.get("PREAU_MASTER_USER"), TestEnv.get("PREAU_MASTER_PASSWORD"));
            MimeMessage m = message(other, genuine);
            t.sendMessage(m, m.getAllRecipients());
        }
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            imap.awaitSubject("INBOX", forged, Duration.ofSeconds(30));
            imap.awaitSubject("INBOX", genuine, Duration.ofSeconds(30));
        }

        assertTrue(opened(forged).externalSender(), "an internal From: that came in from outside");
        assertFalse(opened(genuine).externalSender(), "sent by a signed-in account");
    }

    private MimeMessage message(String from, String subject) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(from));
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address));
        m.setSubject(subject, "UTF-8");
        m.setText("Bonjour", "UTF-8");
        return m;
    }

    private MessageContent opened(String subject) {
        MessageUid uid = reader.messages(FolderPath.INBOX).messages().stream()
                .filter(s -> subject.equals(s.subject())).findFirst().orElseThrow().uid();
        return reader.open(FolderPath.INBOX, uid);
    }

    @Test
    void aCraftedMailOfTwoThousandPartsIsReadOnlyUpToTheBoundOfParts() throws Exception {
        MimeMultipart parts = new MimeMultipart();
        for (int i = 1; i <= 2000; i++) {
            MimeBodyPart part = new MimeBodyPart();
            part.setText(String.format("partie %04d", i), "UTF-8");
            parts.addBodyPart(part);
        }
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("attaquant@exterieur.example"));
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address));
        m.setSubject("Deux mille parties", "UTF-8");
        m.setContent(parts);
        m.saveChanges();
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            imap.append("INBOX", m);
        }
        MessageUid uid = reader.messages(FolderPath.INBOX).messages().get(0).uid();

        MessageContent content = reader.open(FolderPath.INBOX, uid);
        assertTrue(content.text().contains("partie 0499"), "the first parts are shown");
        assertFalse(content.text().contains("partie 0501"), "parts past the bound are not even read");
        assertTrue(content.problems().contains(new ReadingProblem(ReadingProblem.Kind.PARTS, "500")),
                content.problems().toString());
    }

    @Test
    void aFolderAndUidOfAnotherMailboxNeverReachIt() throws Exception {
        String secret = "Confidentiel voisin " + UUID.randomUUID();
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress("sophie.bernard@" + TestEnv.domain()));
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(other));
        m.setSubject(secret, "UTF-8");
        m.setText(secret, "UTF-8");
        MessageUid othersUid;
        try (ImapProbe imap = ImapProbe.asMaster(other)) {
            imap.append("INBOX", m);
            jakarta.mail.Folder inbox = imap.store().getFolder("INBOX");
            inbox.open(jakarta.mail.Folder.READ_ONLY);
            jakarta.mail.UIDFolder uids = (jakarta.mail.UIDFolder) inbox;
            othersUid = new MessageUid(uids.getUIDValidity(), uids.getUID(inbox.getMessage(inbox.getMessageCount())));
            inbox.close(false);
        }
        try {
            MessageContent mine = reader.open(FolderPath.INBOX, othersUid);
            assertNotEquals(secret, mine.summary().subject());
        } catch (jakarta.ejb.EJBException | NotFoundException e) {
            assertTrue(e instanceof NotFoundException || e.getCause() instanceof NotFoundException, e.toString());
        }
        assertThrows(NotFoundException.class, () -> reader.download(FolderPath.INBOX, othersUid, "r"));
    }
}
