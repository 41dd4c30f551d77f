package fr.preau.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import fr.preau.testing.ImapProbe;
import fr.preau.testing.SmtpProbe;
import fr.preau.testing.TestEnv;
import fr.preau.testing.TestUser;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/**
 * A standard mail client (plain Jakarta Mail, none of Préau's code) signs in with the account's address and its
 * Keycloak password, sees the same mailbox as the portal, and may send only as its own address.
 */
class ImapClientLoginIT {
    @Test
    void anImapClientSignsInWithTheAccountPasswordAndSeesTheMailbox() throws Exception {
        String password = "Cahier-de-textes-2026-" + UUID.randomUUID().toString().substring(0, 8) + "!";
        String address = TestUser.create("it.thunderbird", "Alex", "Thunderbird", password, false);

        String subject = "Emploi du temps " + UUID.randomUUID();
        try (ImapProbe master = ImapProbe.asMaster(address)) {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            m.setFrom(new InternetAddress("ce.dsi@" + TestEnv.domain()));
            m.setSubject(subject, "UTF-8");
            m.setText("Votre emploi du temps est en ligne.", "UTF-8");
            master.append("INBOX", m);
        }

        try (ImapProbe client = ImapProbe.login(address, password)) {
            assertEquals(1, client.subjects("INBOX").stream().filter(subject::equals).count());
        }
        assertThrows(AuthenticationFailedException.class, () -> ImapProbe.login(address, password + "x").close());
    }

    @Test
    void aMailClientSendsAsItsOwnAddressButNeverAsSomeoneElse() throws Exception {
        String password = "Feuille-d-appel-2026-" + UUID.randomUUID().toString().substring(0, 8) + "!";
        String address = TestUser.create("it.expediteur", "Claude", "Expéditeur", password, false);

        String own = "Compte rendu " + UUID.randomUUID();
        submit(address, password, address, own);
        try (ImapProbe imap = ImapProbe.login(address, password)) {
            assertEquals(1, imap.awaitSubject("INBOX", own, java.time.Duration.ofSeconds(20)));
        }

        String forged = "Faux message de Marie " + UUID.randomUUID();
        jakarta.mail.MessagingException refused = assertThrows(jakarta.mail.MessagingException.class,
                () -> submit(address, password, "marie.dupont@" + TestEnv.domain(), forged));
        assertTrue(String.valueOf(refused.getMessage()).contains("553")
                || String.valueOf(refused.getNextException()).contains("553"), String.valueOf(refused));
    }

    @Test
    void aSignedInClientCannotForgeTheFromHeaderNorUseTheNullSender() throws Exception {
        String password = "Registre-d-appel-2026-" + UUID.randomUUID().toString().substring(0, 8) + "!";
        String address = TestUser.create("it.usurpateur", "Yann", "Usurpateur", password, false);
        String colleague = "nadia.haddad@" + TestEnv.domain();

        // Its own MAIL FROM, a colleague in From: (display name and address), refused before anything is queued.
        String forged = "Note de service " + UUID.randomUUID();
        jakarta.mail.MessagingException headerFrom = assertThrows(jakarta.mail.MessagingException.class,
                () -> SmtpProbe.submit(address, password, address, "Nadia Haddad <" + colleague + ">", address,
                        forged));
        assertTrue(String.valueOf(headerFrom).contains("550")
                || String.valueOf(headerFrom.getNextException()).contains("550"), String.valueOf(headerFrom));

        // Its own From:, a colleague as Sender: ("de la part de").
        String onBehalf = "De la part de Nadia " + UUID.randomUUID();
        jakarta.mail.MessagingException senderHeader = assertThrows(jakarta.mail.MessagingException.class,
                () -> submitWithSender(address, password, colleague, onBehalf));
        assertTrue(String.valueOf(senderHeader).contains("550")
                || String.valueOf(senderHeader.getNextException()).contains("550"), String.valueOf(senderHeader));

        // The null envelope sender, with its own From:.
        String bounce = "Faux avis de non-remise " + UUID.randomUUID();
        jakarta.mail.MessagingException nullSender = assertThrows(jakarta.mail.MessagingException.class,
                () -> SmtpProbe.submit(address, password, "<>", address, address, bounce));
        assertTrue(String.valueOf(nullSender).contains("Expediteur vide")
                || String.valueOf(nullSender.getNextException()).contains("Expediteur vide"),
                String.valueOf(nullSender));

        // Its own address in both, with any display name, still goes; the refused ones never arrived before it.
        String own = "Avec un nom affiché " + UUID.randomUUID();
        SmtpProbe.submit(address, password, address, "Secrétariat <" + address.toUpperCase(Locale.ROOT) + ">",
                address, own);
        try (ImapProbe imap = ImapProbe.login(address, password)) {
            assertEquals(1, imap.awaitSubject("INBOX", own, java.time.Duration.ofSeconds(20)));
            List<String> subjects = imap.subjects("INBOX");
            assertFalse(subjects.contains(forged) || subjects.contains(onBehalf) || subjects.contains(bounce),
                    subjects.toString());
        }
    }

    /** Its own address in From: and MAIL FROM, {@code sender} in the Sender: header. */
    private static void submitWithSender(String login, String password, String sender, String subject)
            throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.auth", "true");
        Session session = Session.getInstance(props);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(login));
        m.setSender(new InternetAddress(sender));
        m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(login));
        m.setSubject(subject, "UTF-8");
        m.setText("Bonjour", "UTF-8");
        try (jakarta.mail.Transport t = session.getTransport("smtp")) {
            t.connect("127.0.0.1", TestEnv.port("PREAU_SUBMISSION_PORT"), login, password);
            t.sendMessage(m, m.getAllRecipients());
        }
    }

    /** SMTP submission with the account's password, as Thunderbird does. */
    private static void submit(String login, String password, String from, String subject) throws Exception {
        SmtpProbe.submit(login, password, from, login, subject);
    }
}
