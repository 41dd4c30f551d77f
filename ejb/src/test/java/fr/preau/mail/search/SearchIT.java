package fr.preau.mail.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.preau.mail.FolderPath;
import fr.preau.mail.MailFixture;
import fr.preau.mail.MessageContent;
import fr.preau.shared.InvalidInputException;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.ItArchive;
import fr.preau.testing.TestEnv;
import jakarta.ejb.EJB;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Search across folders on a 20,000-message mailbox, in a real WildFly against the real Dovecot and PostgreSQL:
 * accent and case folding, each field, folder and date filters, and what a plain IMAP client changes (delivery,
 * MOVE, expunge) reflected at the next search.
 */
@ExtendWith(ArquillianExtension.class)
class SearchIT {
    private static final String PROJECTS = "Projets";
    /** Marks this run's messages: the mailbox keeps earlier runs' mail. */
    private static final String TOKEN = "run" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static boolean prepared;

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("search-it.war");
    }

    @EJB
    private AsSearchUser user;

    @EJB
    private MailFixture fixture;

    private String address;

    @BeforeEach
    void mailbox() throws Exception {
        address = AsSearchUser.USERNAME + "@" + TestEnv.domain();
        if (prepared) {
            return;
        }
        fixture.ensureAccount(AsSearchUser.USERNAME, address, "Claude Recherche");
        BigInbox.ensure(address);
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            Folder projects = imap.store().getFolder(PROJECTS);
            if (!projects.exists()) {
                projects.create(Folder.HOLDS_MESSAGES);
            }
            imap.append("INBOX", message("Émilie Côté <emilie.cote." + TOKEN + "@exemple.fr>", address,
                    "Conseil des Étudiants " + TOKEN, "2026-03-10",
                    "La réunion aura lieu au foyer des élèves. " + TOKEN, null));
            imap.append("Archives", message("Paul Dubois <paul.dubois@exemple.fr>",
                    "Hélène Fabre <helene.fabre." + TOKEN + "@ac-preau.fr>", "Sortie scolaire " + TOKEN,
                    "2024-05-20", "Merci de signer. " + TOKEN, "Autorisation-Élève-" + TOKEN + ".pdf"));
            imap.append(PROJECTS, message("Paul Dubois <paul.dubois@exemple.fr>", address, "Budget " + TOKEN,
                    "2026-01-15", "Le budget des ÉTUDIANTS est validé. " + TOKEN, null));
        }
        long t0 = System.nanoTime();
        user.search(SearchQuery.of(TOKEN));
        System.out.printf("SearchIT: index brought up to date in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        prepared = true;
    }

    @Test
    void anAccentlessQueryFindsAccentedWordsInEveryFolder() {
        SearchResult result = user.search(SearchQuery.of("etudiants " + TOKEN));
        assertEquals(Set.of("INBOX/Conseil des Étudiants " + TOKEN, PROJECTS + "/Budget " + TOKEN), places(result));
        assertEquals(1, user.search(SearchQuery.of("ELEVES FOYER " + TOKEN)).total(), "upper case, no accents");
    }

    @Test
    void eachFieldCanBeSearchedAlone() {
        assertEquals(Set.of("INBOX/Conseil des Étudiants " + TOKEN), places(search("cote " + TOKEN, SearchField.FROM)));
        assertEquals(0, search("cote " + TOKEN, SearchField.SUBJECT).total());
        assertEquals(Set.of("Archives/Sortie scolaire " + TOKEN),
                places(search("helene fabre " + TOKEN, SearchField.RECIPIENTS)));
        assertEquals(Set.of("Archives/Sortie scolaire " + TOKEN),
                places(search("autorisation eleve " + TOKEN, SearchField.ATTACHMENTS)));
        assertEquals(0, search("autorisation " + TOKEN, SearchField.BODY).total());
        assertEquals(Set.of("INBOX/Conseil des Étudiants " + TOKEN), places(search("foyer " + TOKEN,
                SearchField.BODY)));
        assertEquals(Set.of(PROJECTS + "/Budget " + TOKEN), places(search("budg " + TOKEN, SearchField.SUBJECT)),
                "the start of a word is enough");
    }

    @Test
    void folderAndDateFiltersNarrowTheResults() {
        assertEquals(Set.of("Archives/Sortie scolaire " + TOKEN), places(user.search(
                new SearchQuery(TOKEN, SearchField.ALL, new FolderPath("Archives"), null, null))));
        assertEquals(Set.of("INBOX/Conseil des Étudiants " + TOKEN, PROJECTS + "/Budget " + TOKEN), places(
                user.search(new SearchQuery(TOKEN, SearchField.ALL, null, LocalDate.of(2026, 1, 1), null))));
        assertEquals(Set.of("Archives/Sortie scolaire " + TOKEN), places(
                user.search(new SearchQuery(TOKEN, SearchField.ALL, null, null, LocalDate.of(2025, 12, 31)))));
        assertEquals(Set.of("INBOX/Conseil des Étudiants " + TOKEN), places(user.search(new SearchQuery(TOKEN,
                SearchField.ALL, null, LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 10)))));
    }

    @Test
    void oneMessageAmongTwentyThousandIsFoundAndOpensInItsFolder() {
        SearchResult result = user.search(SearchQuery.of("LOT12345"));
        assertEquals(1, result.total());
        SearchHit hit = result.hits().get(0);
        assertEquals(FolderPath.INBOX, hit.folder());
        MessageContent opened = user.open(hit.folder(), hit.uid());
        assertEquals("Bulletin trimestriel numero 12345", opened.summary().subject());
        assertTrue(opened.text().contains("lot12345"), opened.text());

        SearchResult many = user.search(new SearchQuery("bulletin trimestriel", SearchField.ALL, FolderPath.INBOX,
                null, null));
        assertEquals(BigInbox.SIZE, many.total());
        assertEquals(SearchService.MAX_HITS, many.hits().size());
        assertTrue(many.truncated());
        List<SearchHit> hits = many.hits();
        for (int i = 1; i < hits.size(); i++) {
            assertTrue(!hits.get(i).date().isAfter(hits.get(i - 1).date()), "newest first");
        }
    }

    @Test
    void whatAPlainImapClientChangesIsReflectedAtTheNextSearch() throws Exception {
        // Not TOKEN + something: a word is also found by its start.
        String token = "mv" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            imap.append("INBOX", message("Luc Moreau <luc.moreau@exemple.fr>", address, "Déménagement " + token,
                    "2026-04-01", "Le CDI déménage. " + token, null));
            imap.append(PROJECTS, message("Luc Moreau <luc.moreau@exemple.fr>", address, "Éphémère " + token,
                    "2026-04-02", "À supprimer. " + token, null));
        }
        assertEquals(Set.of("INBOX/Déménagement " + token, PROJECTS + "/Éphémère " + token),
                places(user.search(SearchQuery.of(token))), "delivered mail is found");

        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            IMAPFolder inbox = (IMAPFolder) imap.store().getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message[] found = inbox.search(new jakarta.mail.search.SubjectTerm("Déménagement " + token));
            inbox.moveMessages(found, imap.store().getFolder("Archives"));
            inbox.close(false);
            Folder projects = imap.store().getFolder(PROJECTS);
            projects.open(Folder.READ_WRITE);
            Message[] gone = projects.search(new jakarta.mail.search.SubjectTerm("Éphémère " + token));
            projects.setFlags(gone, new Flags(Flags.Flag.DELETED), true);
            projects.close(true);
        }
        assertEquals(Set.of("Archives/Déménagement " + token), places(user.search(SearchQuery.of(token))),
                "moved by another client: found in its new folder only; expunged: not found");
    }

    @Test
    void headersWrittenInRaw8BitAreShownAndFoundAsWritten() throws Exception {
        String token = "u8" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String raw = """
                From: Jérôme Lefèvre <jerome.lefevre.%s@ecole.example>
                To: %s
                Subject: %s %s
                Date: Tue, 10 Nov 2026 09:00:00 +0100
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=%s
                Content-Transfer-Encoding: 8bit

                Ordre du jour %s
                --b
                Content-Type: application/pdf; name="Procès-verbal %s.pdf"
                Content-Disposition: attachment; filename="Procès-verbal %s.pdf"
                Content-Transfer-Encoding: base64

                JVBERg==
                --b--
                """;
        String utf8Subject = "Réunion parents-professeurs n°19999";
        String cp1252Subject = "Sortie au musée – 12 €";
        Session session = Session.getInstance(new Properties());
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            imap.append("INBOX", new MimeMessage(session, new java.io.ByteArrayInputStream(
                    raw.formatted(token, address, utf8Subject, token, "utf-8", token, token, token)
                            .getBytes(StandardCharsets.UTF_8))));
            imap.append("INBOX", new MimeMessage(session, new java.io.ByteArrayInputStream(
                    raw.formatted(token, address, cp1252Subject, token, "windows-1252", token, token, token)
                            .getBytes(java.nio.charset.Charset.forName("windows-1252")))));
        }

        assertEquals(Set.of("INBOX/" + utf8Subject + " " + token, "INBOX/" + cp1252Subject + " " + token),
                places(user.search(SearchQuery.of(token))), "search results");
        assertEquals(Set.of("INBOX/" + utf8Subject + " " + token),
                places(search("reunion professeurs " + token, SearchField.SUBJECT)));
        assertEquals(2, search("lefevre " + token, SearchField.FROM).total());
        assertEquals(2, search("proces verbal " + token, SearchField.ATTACHMENTS).total());
        for (SearchHit hit : user.search(SearchQuery.of(token)).hits()) {
            assertEquals("Jérôme Lefèvre", hit.from(), "the sender in the results");
            MessageContent opened = user.open(hit.folder(), hit.uid());
            assertEquals(hit.subject(), opened.summary().subject(), "the list and the reading pane (ENVELOPE)");
            assertEquals("Jérôme Lefèvre", opened.summary().from().personal());
            assertEquals("Procès-verbal " + token + ".pdf", opened.attachments().get(0).name(), "BODYSTRUCTURE");
        }
    }

    @Test
    void anEmptyQueryOrReversedDatesAreRefusedWithTheFieldNamed() {
        InvalidInputException empty = assertThrows(InvalidInputException.class,
                () -> user.search(SearchQuery.of(" ;. ")));
        assertEquals("q", empty.field());
        InvalidInputException dates = assertThrows(InvalidInputException.class, () -> user.search(new SearchQuery(
                "budget", SearchField.ALL, null, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1))));
        assertEquals("du", dates.field());
    }

    private SearchResult search(String text, SearchField field) {
        return user.search(new SearchQuery(text, field, null, null, null));
    }

    private static Set<String> places(SearchResult result) {
        return result.hits().stream().map(h -> h.folder().name() + "/" + h.subject()).collect(Collectors.toSet());
    }

    private static MimeMessage message(String from, String to, String subject, String day, String body,
            String attachment) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        InternetAddress sender = new InternetAddress(from, true);
        sender.setPersonal(sender.getPersonal(), "UTF-8");
        m.setFrom(sender);
        InternetAddress recipient = new InternetAddress(to, true);
        recipient.setPersonal(recipient.getPersonal(), "UTF-8");
        m.setRecipient(Message.RecipientType.TO, recipient);
        m.setSubject(subject, "UTF-8");
        m.setSentDate(Date.from(LocalDate.parse(day).atTime(10, 0).atZone(java.time.ZoneId.of("Europe/Paris"))
                .toInstant()));
        if (attachment == null) {
            m.setText(body, "UTF-8");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, "UTF-8");
            MimeBodyPart file = new MimeBodyPart();
            file.setContent(new byte[] {'%', 'P', 'D', 'F'}, "application/pdf");
            file.setFileName(attachment);
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            m.setContent(new MimeMultipart(text, file));
        }
        m.saveChanges();
        return m;
    }
}
