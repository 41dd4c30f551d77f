package fr.preau.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Properties;
import java.util.UUID;

import fr.preau.testing.Accounts;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.KeycloakAdmin;
import fr.preau.testing.TestEnv;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

/**
 * A standard IMAP client (plain Jakarta Mail, none of Préau's code) signs in with the account's address and its
 * Keycloak password, and sees the same mailbox as the portal.
 */
class ImapClientLoginIT {
    @Test
    void anImapClientSignsInWithTheAccountPasswordAndSeesTheMailbox() throws Exception {
        String username = "it.thunderbird";
        String address = username + "@" + TestEnv.domain();
        String password = "Cahier-de-textes-" + UUID.randomUUID().toString().substring(0, 8) + "!";
        Accounts.ensure(username, address, "Alex Thunderbird");
        new KeycloakAdmin().createUser(username, "Alex", "Thunderbird", address, password, false);

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
}
