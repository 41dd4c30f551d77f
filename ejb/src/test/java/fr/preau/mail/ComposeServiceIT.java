package fr.preau.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import fr.preau.mail.compose.ComposeService;
import fr.preau.mail.compose.NotSentException;
import fr.preau.mail.compose.ReplyMode;
import fr.preau.mail.compose.ReplyTarget;
import fr.preau.settings.quota.QuotaClasses;
import fr.preau.shared.InvalidInputException;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.ItArchive;
import fr.preau.testing.SmtpProbe;
import fr.preau.testing.TestEnv;
import jakarta.activation.DataHandler;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Writing mail against the real Dovecot, Postfix and PostgreSQL: drafts kept as one copy, sending that removes the
 * draft, refusals that keep it, replies threaded, read receipts (RFC 8098) round trip, and no header injected by any
 * field, checked on what the recipient's mailbox really received; attachments limited by the sender's quota class
 * (the academy's limit when the class sets none, docs/adr/0094).
 */
@ExtendWith(ArquillianExtension.class)
class ComposeServiceIT {
    private static final String DRAFTS = "Brouillons";
    private static final String SENT = "Envoyés";
    private static final String VICTIM = "it.victime";
    /** Put in a 1 MB quota class and filled above it. */
    private static final String FULL = "it.pleine";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("compose-it.war");
    }

    @EJB
    private AsComposer composer;

    @EJB
    private AsRecipient reader;

    @EJB
    private MailFixture fixture;

    @EJB
    private ComposeFixture settings;

    @EJB
    private ListFixture quotas;

    @EJB
    private QuotaClasses quotaClasses;

    private MailAddress me;
    private MailAddress colleague;
    private String victim;
    private String run;

    @BeforeEach
    void mailboxes() throws Exception {
        run = UUID.randomUUID().toString().substring(0, 6);
        String domain = TestEnv.domain();
        me = new MailAddress(AsComposer.USERNAME + "@" + domain, "Régine Rédactrice");
        colleague = new MailAddress(AsRecipient.USERNAME + "@" + domain, "Léa Lectrice");
        victim = VICTIM + "@" + domain;
        fixture.ensureAccount(AsComposer.USERNAME, me.address(), me.personal());
        fixture.ensureAccount(AsRecipient.USERNAME, colleague.address(), colleague.personal());
        fixture.ensureAccount(VICTIM, victim, "Victor Victime");
        for (String address : List.of(me.address(), colleague.address(), victim)) {
            fixture.resetMailbox(address);
            try (ImapProbe imap = ImapProbe.asMaster(address)) {
                imap.empty(DRAFTS);
            }
        }
    }

    private static OutgoingMessage message(List<MailAddress> to, String subject, String html) {
        return new OutgoingMessage(to, List.of(), List.of(), subject, null, html, List.of(), null, List.of(), false);
    }

    /** The messages of a folder, fully read, oldest first. */
    private static List<MimeMessage> read(String address, String folderName) throws Exception {
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            Folder folder = imap.store().getFolder(folderName);
            folder.open(Folder.READ_ONLY);
            try {
                List<MimeMessage> result = new ArrayList<>();
                for (Message m : folder.getMessages()) {
                    result.add(new MimeMessage((MimeMessage) m));
                }
                return result;
            } finally {
                folder.close(false);
            }
        }
    }

    @Test
    void aDraftIsKeptAsOneCopyReopenedAsWrittenAndRemovedBySending() throws Exception {
        String subject = "Sortie au musée " + run;
        OutgoingMessage first = message(List.of(colleague), subject, "<p>Premier <strong>jet</strong></p>");
        MessageUid v1 = composer.saveDraft(first, null);
        try (ImapProbe imap = ImapProbe.asMaster(me.address())) {
            assertEquals(List.of(subject), imap.subjects(DRAFTS));
        }

        OutgoingMessage second = message(List.of(colleague), subject + " (v2)", "<p>Deuxième <em>jet</em></p>");
        MessageUid v2 = composer.saveDraft(second, v1);
        assertFalse(v1.equals(v2));
        try (ImapProbe imap = ImapProbe.asMaster(me.address())) {
            assertEquals(List.of(subject + " (v2)"), imap.subjects(DRAFTS), "exactly one copy of the draft");
        }
        OutgoingMessage reopened = composer.openDraft(v2);
        assertEquals(second.subject(), reopened.subject());
        assertEquals(second.html(), reopened.html());
        assertEquals(List.of(colleague), reopened.to());
        MimeMessage stored = read(me.address(), DRAFTS).get(0);
        assertTrue(stored.getFlags().contains(Flags.Flag.DRAFT));

        composer.send(reopened, v2, null);
        try (ImapProbe imap = ImapProbe.asMaster(me.address())) {
            assertEquals(List.of(), imap.subjects(DRAFTS), "sending removes the draft");
            assertEquals(1, imap.subjects(SENT).stream().filter((subject + " (v2)")::equals).count());
        }
        try (ImapProbe imap = ImapProbe.asMaster(colleague.address())) {
            assertEquals(1, imap.awaitSubject("INBOX", subject + " (v2)", WAIT));
        }
        MimeMessage received = read(colleague.address(), "INBOX").get(0);
        assertTrue(received.isMimeType("multipart/alternative"), received.getContentType());
        Multipart alt = (Multipart) received.getContent();
        assertEquals("Deuxième jet", String.valueOf(alt.getBodyPart(0).getContent()).strip());
        assertTrue(String.valueOf(alt.getBodyPart(1).getContent()).contains("<em>jet</em>"));
    }

    @Test
    void anUnknownRecipientIsRefusedClearlyAndTheMessageStaysADraft() throws Exception {
        String subject = "Adresse inconnue " + run;
        MailAddress unknown = new MailAddress("personne.inconnue." + run + "@" + TestEnv.domain(), null);
        NotSentException notSent = assertThrows(NotSentException.class,
                () -> composer.send(message(List.of(unknown), subject, "<p>Texte</p>"), null, null));
        InvalidInputException reason = assertInstanceOf(InvalidInputException.class, notSent.reason());
        assertEquals("compose.error.rejected", reason.messageKey());
        assertTrue(reason.argument().contains(unknown.address()), reason.argument());
        assertNotNull(notSent.draft());
        try (ImapProbe imap = ImapProbe.asMaster(me.address())) {
            assertEquals(List.of(subject), imap.subjects(DRAFTS), "the message is kept as a draft");
            assertEquals(0, imap.subjects(SENT).stream().filter(subject::equals).count());
        }
    }

    @Test
    void aMessageTooLargeForTheServerIsRefusedClearlyAndStaysADraft() throws Exception {
        settings.setting(ComposeService.ATTACHMENT_LIMIT, "40");
        try {
            String subject = "Trop lourd " + run;
            byte[] big = new byte[28 * 1024 * 1024];
            new Random(1).nextBytes(big);
            OutgoingMessage m = message(List.of(colleague), subject, "<p>Vidéo</p>")
                    .withAttachments(List.of(new OutgoingAttachment("video.mp4", "video/mp4", big)));
            NotSentException notSent = assertThrows(NotSentException.class, () -> composer.send(m, null, null));
            assertEquals("compose.error.tooLarge",
                    assertInstanceOf(InvalidInputException.class, notSent.reason()).messageKey());
            try (ImapProbe imap = ImapProbe.asMaster(me.address())) {
                assertEquals(List.of(subject), imap.subjects(DRAFTS));
            }
        } finally {
            settings.setting(ComposeService.ATTACHMENT_LIMIT, null);
        }
    }

    @Test
    void aFullMailboxIsRefusedAtOnceNamingItNothingIsDeliveredAndTheDraftSendsLater() throws Exception {
        String full = FULL + "@" + TestEnv.domain();
        fixture.ensureAccount(FULL, full, "Paul Plein");
        fixture.resetMailbox(full);
        try {
            try (ImapProbe imap = ImapProbe.asMaster(full)) {
                MimeMessage big = new MimeMessage((Session) null);
                big.setSubject("Remplissage " + run, "UTF-8");
                big.setText(("x".repeat(79) + "\n").repeat(14_000), "UTF-8");
                big.saveChanges();
                imap.append("INBOX", big);
            }
            quotas.quota(FULL, "it-1mo", 1);
            String subject = "Boîte pleine " + run;
            OutgoingMessage m = message(List.of(colleague, new MailAddress(full, "Paul Plein")), subject,
                    "<p>Ordre du jour</p>");
            NotSentException notSent = assertThrows(NotSentException.class, () -> composer.send(m, null, null));
            InvalidInputException reason = assertInstanceOf(InvalidInputException.class, notSent.reason());
            assertEquals("compose.error.quota.full", reason.messageKey());
            assertEquals("Paul Plein <" + full + ">", reason.argument(), "names the full mailbox, only it");
            assertNotNull(notSent.draft());
            try (ImapProbe imap = ImapProbe.asMaster(me.address())) {
                assertEquals(List.of(subject), imap.subjects(DRAFTS), "kept as one draft");
                assertEquals(0, imap.subjects(SENT).stream().filter(subject::equals).count());
            }
            // The refusal came at RCPT, for the whole transaction: had it been accepted, the colleague's copy would
            // arrive before a message sent after it.
            SmtpProbe.witness(colleague.address(), WAIT);
            for (String address : List.of(colleague.address(), full)) {
                try (ImapProbe imap = ImapProbe.asMaster(address)) {
                    assertEquals(0, imap.subjects("INBOX").stream().filter(subject::equals).count(), address);
                }
            }

            // Mail from outside (inbound SMTP) is refused at RCPT too, not accepted and bounced later.
            Properties props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", TestEnv.get("PREAU_SMTP_PORT"));
            MimeMessage inbound = new MimeMessage(Session.getInstance(props));
            inbound.setFrom(new InternetAddress("parent." + run + "@exemple.org"));
            inbound.setRecipients(Message.RecipientType.TO, full);
            inbound.setSubject(subject + " (externe)", "UTF-8");
            inbound.setText("Bonjour", "UTF-8");
            jakarta.mail.SendFailedException bounced = assertThrows(jakarta.mail.SendFailedException.class,
                    () -> jakarta.mail.Transport.send(inbound));
            assertTrue(String.valueOf(bounced.getNextException()).contains("552 5.2.2"),
                    String.valueOf(bounced.getNextException()));

            quotas.standardQuota(FULL);
            composer.send(composer.openDraft(notSent.draft()), notSent.draft(), null);
            try (ImapProbe imap = ImapProbe.asMaster(full)) {
                assertEquals(1, imap.awaitSubject("INBOX", subject, WAIT));
            }
            try (ImapProbe imap = ImapProbe.asMaster(colleague.address())) {
                assertEquals(1, imap.awaitSubject("INBOX", subject, WAIT));
            }
            try (ImapProbe imap = ImapProbe.asMaster(me.address())) {
                assertEquals(List.of(), imap.subjects(DRAFTS), "sent once room was made: the draft goes");
            }
        } finally {
            quotas.standardQuota(FULL);
            fixture.resetMailbox(full);
        }
    }

    @Test
    void attachmentsOverTheAcademyLimitOfAStandardSenderAreRefusedBeforeAnythingIsSentOrSaved() throws Exception {
        OutgoingMessage m = message(List.of(colleague), "Limite " + run, "<p>x</p>")
                .withAttachments(List.of(new OutgoingAttachment("gros.bin", null, new byte[11 * 1024 * 1024])));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> composer.send(m, null, null));
        assertEquals("compose.error.attachments.tooLarge", e.messageKey());
        assertEquals("10", e.argument());
        try (ImapProbe imap = ImapProbe.asMaster(me.address())) {
            assertEquals(List.of(), imap.subjects(DRAFTS));
        }
    }

    @Test
    void eachSenderHasTheAttachmentLimitOfTheirQuotaClassOrTheAcademys() throws Exception {
        try {
            quotas.attachmentClass(AsComposer.USERNAME, "it-pj-3", 3);
            quotas.attachmentClass(AsRecipient.USERNAME, "it-pj-academie", null);
            settings.setting(ComposeService.ATTACHMENT_LIMIT, "6");
            assertEquals(3L * 1024 * 1024, composer.attachmentLimitBytes());
            assertEquals(6L * 1024 * 1024, reader.attachmentLimitBytes(), "no limit in the class: the academy's");
            assertThrows(EJBAccessException.class, () -> quotaClasses.attachmentMb(),
                    "a class's limit is the signed-in user's own, never read by a caller without the role user");
            OutgoingMessage m = message(List.of(colleague), "Deux classes " + run, "<p>x</p>")
                    .withAttachments(List.of(new OutgoingAttachment("bulletins.pdf", null, new byte[4 * 1024 * 1024])));

            InvalidInputException e = assertThrows(InvalidInputException.class, () -> composer.saveDraft(m, null));
            assertEquals("compose.error.attachments.tooLarge", e.messageKey());
            assertEquals("3", e.argument());
            reader.saveDraft(message(List.of(me), m.subject(), "<p>x</p>").withAttachments(m.attachments()), null);

            try (ImapProbe imap = ImapProbe.asMaster(me.address())) {
                assertEquals(List.of(), imap.subjects(DRAFTS), "the 3 MB sender kept nothing");
            }
            try (ImapProbe imap = ImapProbe.asMaster(colleague.address())) {
                assertEquals(List.of(m.subject()), imap.subjects(DRAFTS), "the other one's draft is kept");
            }
        } finally {
            settings.setting(ComposeService.ATTACHMENT_LIMIT, null);
            quotas.standardQuota(AsComposer.USERNAME);
            quotas.standardQuota(AsRecipient.USERNAME);
        }
    }

    @Test
    void aReplyIsThreadedQuotedAndMarksTheOriginalAnswered() throws Exception {
        String subject = "Conseil pédagogique " + run;
        composer.send(message(List.of(colleague), subject, "<p>Ordre du jour : bilan</p>"), null, null);
        try (ImapProbe imap = ImapProbe.asMaster(colleague.address())) {
            assertEquals(1, imap.awaitSubject("INBOX", subject, WAIT));
        }
        String originalId = read(colleague.address(), "INBOX").get(0).getMessageID();
        MessageSummary original = reader.messages(FolderPath.INBOX).messages().get(0);
        ReplyTarget target = new ReplyTarget(FolderPath.INBOX, original.uid(), ReplyMode.REPLY);
        OutgoingMessage reply = reader.prepare(target);
        assertEquals("Re: " + subject, reply.subject());
        assertEquals(List.of(me.address()), reply.to().stream().map(MailAddress::address).toList());
        assertEquals(originalId, reply.inReplyTo());
        assertTrue(reply.text().contains("> Ordre du jour : bilan"), reply.text());
        reader.send(reply, null, target);

        try (ImapProbe imap = ImapProbe.asMaster(me.address())) {
            assertEquals(1, imap.awaitSubject("INBOX", "Re: " + subject, WAIT));
        }
        MimeMessage received = read(me.address(), "INBOX").get(0);
        assertEquals(originalId, received.getHeader("In-Reply-To", " "));
        assertTrue(received.getHeader("References", " ").contains(originalId));
        assertTrue(read(colleague.address(), "INBOX").get(0).getFlags().contains(Flags.Flag.ANSWERED));

        OutgoingMessage forward = reader.prepare(new ReplyTarget(FolderPath.INBOX, original.uid(),
                ReplyMode.FORWARD_ATTACHMENT));
        assertEquals("Fwd: " + subject, forward.subject());
        assertEquals(OutgoingAttachment.MESSAGE_RFC822, forward.attachments().get(0).contentType());
        assertEquals(new AttachmentSource.MessagePart(FolderPath.INBOX, original.uid(), null),
                forward.attachments().get(0).source(), "a reference to the original, not its bytes");
    }

    @Test
    void aForwardOfALargeMessageHoldsReferencesAndSendsTheOriginalPartsByteExact() throws Exception {
        String subject = "Vidéo de la sortie " + run;
        byte[] video = new byte[6 * 1024 * 1024];
        new Random(9).nextBytes(video);
        MimeMessage sent = new MimeMessage(Session.getInstance(new Properties()));
        sent.setFrom(new InternetAddress(me.address()));
        sent.setRecipient(Message.RecipientType.TO, new InternetAddress(colleague.address()));
        sent.setSubject(subject, "UTF-8");
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("La vidéo est jointe.", "UTF-8");
        mixed.addBodyPart(text);
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(
                new ByteArrayDataSource(video, "video/mp4")));
        file.setFileName("sortie.mp4");
        file.setDisposition(Part.ATTACHMENT);
        mixed.addBodyPart(file);
        sent.setContent(mixed);
        sent.saveChanges();
        try (ImapProbe imap = ImapProbe.asMaster(colleague.address())) {
            imap.append("INBOX", sent);
        }
        MimeMessage stored = read(colleague.address(), "INBOX").get(0);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        stored.writeTo(raw);
        MessageUid uid = reader.messages(FolderPath.INBOX).messages().get(0).uid();

        // Opening the compose page of either forward holds a few kilobytes, whatever the original weighs.
        OutgoingMessage forward = reader.prepare(new ReplyTarget(FolderPath.INBOX, uid, ReplyMode.FORWARD));
        OutgoingMessage asAttachment = reader.prepare(new ReplyTarget(FolderPath.INBOX, uid,
                ReplyMode.FORWARD_ATTACHMENT));
        assertTrue(serializedSize(forward) < 64 * 1024, "forward: " + serializedSize(forward) + " bytes");
        assertTrue(serializedSize(asAttachment) < 64 * 1024, "as attachment: " + serializedSize(asAttachment));
        assertEquals("sortie.mp4", forward.attachments().get(0).name());
        assertEquals(video.length, forward.attachments().get(0).size(), video.length / 50.0);

        // Above the academy's limit: refused from the sizes known beforehand, nothing saved.
        settings.setting(ComposeService.ATTACHMENT_LIMIT, "5");
        try {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> reader.send(
                    addressed(forward, me), null, null));
            assertEquals("compose.error.attachments.tooLarge", e.messageKey());
            assertEquals("5", e.argument());
        } finally {
            settings.setting(ComposeService.ATTACHMENT_LIMIT, null);
        }
        try (ImapProbe imap = ImapProbe.asMaster(colleague.address())) {
            assertEquals(List.of(), imap.subjects(DRAFTS));
        }

        // Kept as a draft, reopened (references to the draft), sent: the file arrives byte for byte.
        MessageUid draft = reader.saveDraft(addressed(forward, me), null);
        OutgoingMessage reopened = reader.openDraft(draft);
        assertTrue(serializedSize(reopened) < 64 * 1024, "reopened draft: " + serializedSize(reopened));
        reader.send(reopened, draft, new ReplyTarget(FolderPath.INBOX, uid, ReplyMode.FORWARD));
        reader.send(addressed(asAttachment, me), null, null);
        try (ImapProbe imap = ImapProbe.asMaster(me.address())) {
            assertEquals(2, imap.awaitSubject("INBOX", "Fwd: " + subject, WAIT));
        }
        List<byte[]> received = new ArrayList<>();
        for (MimeMessage m : read(me.address(), "INBOX")) {
            Part second = ((Multipart) m.getContent()).getBodyPart(1);
            received.add(second.isMimeType(OutgoingAttachment.MESSAGE_RFC822)
                    ? ((MimeBodyPart) second).getRawInputStream().readAllBytes()
                    : second.getInputStream().readAllBytes());
        }
        assertTrue(received.stream().anyMatch(b -> Arrays.equals(video, b)), "the file, byte-exact");
        assertTrue(received.stream().anyMatch(b -> Arrays.equals(raw.toByteArray(), b)),
                "the original message, byte-exact");
        try (ImapProbe imap = ImapProbe.asMaster(colleague.address())) {
            assertEquals(List.of(), imap.subjects(DRAFTS), "the draft went once sent");
        }
    }

    private static OutgoingMessage addressed(OutgoingMessage m, MailAddress to) {
        return new OutgoingMessage(List.of(to), List.of(), List.of(), m.subject(), null, m.html(), m.attachments(),
                m.inReplyTo(), m.references(), false);
    }

    /** What the compose page's state weighs once serialized, as the session keeps it. */
    private static int serializedSize(OutgoingMessage m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(out)) {
            o.writeObject(m);
        }
        return out.size();
    }

    /**
     * Issue 9, item 12 (RFC 8098, section 2.1): a receipt asked for an address that is not the message's envelope
     * sender (anyone can name a third party there, and the receipt would come from the user's address) is still only
     * sent on the user's answer, and the question says that address is not the sender.
     */
    @Test
    void aReceiptAskedForAnotherAddressThanTheSendersIsSaidSo() throws Exception {
        String thirdParty = "Inscription " + run;
        String genuine = "Confirmation " + run;
        try (ImapProbe imap = ImapProbe.asMaster(colleague.address())) {
            imap.append("INBOX", asking(thirdParty, "expediteur@exterieur.example", "cible@ailleurs.example"),
                    asking(genuine, "parent.eleve@exterieur.example", "parent.eleve@exterieur.example"));
        }
        MessageContent forged = reader.opened(FolderPath.INBOX, uidOf(thirdParty));
        assertEquals("cible@ailleurs.example", forged.receiptAsker().address());
        assertTrue(forged.receiptNotTheSender(), "the receipt would go to someone who did not send the message");
        MessageContent plain = reader.opened(FolderPath.INBOX, uidOf(genuine));
        assertEquals("parent.eleve@exterieur.example", plain.receiptAsker().address());
        assertFalse(plain.receiptNotTheSender(), "asked by the sender itself");
    }

    /** A delivered message (with the Return-Path the server writes) asking for a receipt at {@code receiptTo}. */
    private static MimeMessage asking(String subject, String envelopeSender, String receiptTo) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new java.util.Properties()));
        m.setHeader("Return-Path", "<" + envelopeSender + ">");
        m.setFrom(new InternetAddress(envelopeSender));
        m.setSubject(subject, "UTF-8");
        m.setHeader("Disposition-Notification-To", receiptTo);
        m.setText("Merci de confirmer la lecture.", "UTF-8");
        return m;
    }

    private MessageUid uidOf(String subject) {
        return reader.messages(FolderPath.INBOX).messages().stream().filter(s -> subject.equals(s.subject()))
                .findFirst().orElseThrow().uid();
    }

    @Test
    void aReadReceiptIsAskedOnceAndTheMdnReachesTheSender() throws Exception {
        String subject = "Merci de confirmer " + run;
        OutgoingMessage asking = new OutgoingMessage(List.of(colleague), List.of(), List.of(), subject, null,
                "<p>Pouvez-vous confirmer la lecture ?</p>", List.of(), null, List.of(), true);
        composer.send(asking, null, null);
        try (ImapProbe imap = ImapProbe.asMaster(colleague.address())) {
            assertEquals(1, imap.awaitSubject("INBOX", subject, WAIT));
        }
        MimeMessage delivered = read(colleague.address(), "INBOX").get(0);
        assertEquals(me.address(), ((InternetAddress) InternetAddress.parseHeader(
                delivered.getHeader("Disposition-Notification-To", " "), true)[0]).getAddress());
        MessageUid uid = reader.messages(FolderPath.INBOX).messages().get(0).uid();

        assertEquals(Optional.of(me.address()), reader.receiptRequested(FolderPath.INBOX, uid)
                .map(MailAddress::address));
        assertTrue(reader.answerReceipt(FolderPath.INBOX, uid, true));
        assertEquals(Optional.empty(), reader.receiptRequested(FolderPath.INBOX, uid), "asked once");
        assertFalse(reader.answerReceipt(FolderPath.INBOX, uid, true), "sent once");
        assertTrue(read(colleague.address(), "INBOX").get(0).getFlags().contains("$MDNSent"));

        String mdnSubject = "Accusé de lecture : " + subject;
        try (ImapProbe imap = ImapProbe.asMaster(me.address())) {
            assertEquals(1, imap.awaitSubject("INBOX", mdnSubject, WAIT));
        }
        MimeMessage mdn = read(me.address(), "INBOX").stream().filter(m -> {
            try {
                return mdnSubject.equals(m.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertTrue(mdn.isMimeType("multipart/report"), mdn.getContentType());
        assertTrue(mdn.getContentType().contains("disposition-notification"), mdn.getContentType());
        assertEquals(colleague.address(), ((InternetAddress) mdn.getFrom()[0]).getAddress());
        Multipart report = (Multipart) mdn.getContent();
        Part fields = report.getBodyPart(1);
        assertTrue(fields.isMimeType("message/disposition-notification"), fields.getContentType());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.getInputStream().transferTo(out);
        String text = out.toString(StandardCharsets.US_ASCII);
        assertTrue(text.contains("Final-Recipient: rfc822; " + colleague.address()), text);
        assertTrue(text.contains("Original-Message-ID: " + delivered.getMessageID()), text);
        assertTrue(text.contains("Disposition: manual-action/MDN-sent-manually; displayed"), text);
        assertTrue(text.contains("Reporting-UA: "), text);
    }

    @Test
    void aDeclinedReceiptIsNeverSentNorAskedAgain() throws Exception {
        String subject = "Accusé refusé " + run;
        composer.send(new OutgoingMessage(List.of(colleague), List.of(), List.of(), subject, "Texte", null,
                List.of(), null, List.of(), true), null, null);
        try (ImapProbe imap = ImapProbe.asMaster(colleague.address())) {
            assertEquals(1, imap.awaitSubject("INBOX", subject, WAIT));
        }
        MessageUid uid = reader.messages(FolderPath.INBOX).messages().get(0).uid();
        assertTrue(reader.answerReceipt(FolderPath.INBOX, uid, false));
        assertEquals(Optional.empty(), reader.receiptRequested(FolderPath.INBOX, uid));
        SmtpProbe.witness(me.address(), WAIT);
        try (ImapProbe imap = ImapProbe.asMaster(me.address())) {
            assertEquals(0, imap.subjects("INBOX").stream().filter(s -> s.startsWith("Accusé")).count());
        }
    }

    @Test
    void noFieldCanInjectAHeaderIntoWhatIsReallyDelivered() throws Exception {
        String evil = "\r\nX-Injected: oui\r\nBcc: " + victim;
        MailAddress evilName = new MailAddress(colleague.address(), "Léa" + evil);
        String subject = "Injection " + run;
        List<OutgoingMessage> attempts = List.of(
                message(List.of(colleague), subject + " objet" + evil, "<p>objet</p>"),
                message(List.of(evilName), subject + " nom-a", "<p>nom</p>"),
                new OutgoingMessage(List.of(me), List.of(evilName), List.of(), subject + " nom-cc", "cc", null,
                        List.of(), null, List.of(), false),
                new OutgoingMessage(List.of(me), List.of(), List.of(evilName), subject + " nom-cci", "cci", null,
                        List.of(), null, List.of(), false),
                new OutgoingMessage(List.of(colleague), List.of(), List.of(), subject + " fil", "fil", null,
                        List.of(), "<a@b.fr>" + evil, List.of("<c@d.fr>" + evil), false),
                message(List.of(colleague), subject + " fichier", "<p>pj</p>").withAttachments(List.of(
                        new OutgoingAttachment("note" + evil + ".txt", "text/plain" + evil,
                                "x".getBytes(StandardCharsets.US_ASCII)))));
        for (OutgoingMessage m : attempts) {
            composer.send(m, null, null);
        }
        try (ImapProbe imap = ImapProbe.asMaster(colleague.address())) {
            for (String suffix : List.of(" objet X-Injected: oui Bcc: " + victim, " nom-a", " nom-cc", " nom-cci",
                    " fil", " fichier")) {
                assertEquals(1, imap.awaitSubject("INBOX", subject + suffix, WAIT), suffix);
            }
        }
        for (MimeMessage m : read(colleague.address(), "INBOX")) {
            assertNull(m.getHeader("X-Injected"), m.getSubject());
            assertNull(m.getHeader("Bcc"), "Bcc never travels: " + m.getSubject());
            for (Header h : Collections.list(m.getAllHeaders())) {
                assertFalse(h.getName().toLowerCase().contains("injected"), h.getName());
            }
        }
        // An address itself cannot carry a line break: refused when typed, nothing built.
        assertThrows(InvalidInputException.class,
                () -> MailAddress.parseList("to", colleague.address() + evil, true));
        assertThrows(IllegalArgumentException.class, () -> new MailAddress(colleague.address() + evil, null));
        SmtpProbe.witness(victim, WAIT);
        try (ImapProbe imap = ImapProbe.asMaster(victim)) {
            assertEquals(List.of(), imap.subjects("INBOX").stream().filter(s -> !s.startsWith("Témoin")).toList(),
                    "the victim received nothing");
        }
    }
}
