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
import fr.preau.testing.KeycloakAdmin;
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
    /** A mail client on the network: any loopback address but the portal's (127.0.0.1). */
    private static final String CLIENT_ADDRESS = "127.0.0.2";

    @Test
    void anImapClientSignsInWithTheAccountPasswordAndSeesTheMailbox() throws Exception {
        String password = "Cahier-de-textes-2026-" + UUID.randomUUID().toString().substring(0, 8) + "!";
        String address = TestUser.create("it.thunderbird", "Alex", "Thunderbird", password, false);

        String subject = "Emploi du temps " + UUID.randomUUID();
        try (ImapProbe master = ImapProbe.asMaster(address)) {
            master.appendText("INBOX", "ce.dsi@" + TestEnv.domain(), subject, "Votre emploi du temps est en ligne.");
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

    /**
     * Issue 9, item 1: a Keycloak user whose e-mail names another mailbox (here a functional mailbox without any
     * Keycloak user, as {@code securite@} is) must not open it over IMAP, nor send as it, with their own password:
     * Dovecot finds the mailbox only for the Keycloak username that owns the address, whatever the token's e-mail.
     */
    @Test
    void aKeycloakEmailNamingAnotherMailboxOpensNothing() throws Exception {
        String password = "Tableau-noir-2026-" + UUID.randomUUID().toString().substring(0, 8) + "!";
        String own = TestUser.create("it.imposteur", "Dominique", "Usurpateur", password, false);
        String functional = "it.securite-" + UUID.randomUUID().toString().substring(0, 6) + "@" + TestEnv.domain();
        fr.preau.testing.Accounts.ensure("it.fonction-" + UUID.randomUUID().toString().substring(0, 6), functional,
                "Sécurité (boîte fonctionnelle)");
        String secret = "Signalement confidentiel " + UUID.randomUUID();
        try (ImapProbe master = ImapProbe.asMaster(functional)) {
            master.appendText("INBOX", "ce.dsi@" + TestEnv.domain(), secret, "Pour la cellule sécurité seulement.");
        }
        KeycloakAdmin keycloak = new KeycloakAdmin();
        keycloak.setEmail("it.imposteur", functional);
        try {
            assertThrows(AuthenticationFailedException.class,
                    () -> ImapProbe.loginFrom(ImapProbe.anotherClientAddress(), functional, password).close(),
                    "the token's e-mail alone must not open a mailbox its user does not own");
            jakarta.mail.MessagingException refused = assertThrows(jakarta.mail.MessagingException.class,
                    () -> SmtpProbe.submit(functional, password, functional, own, "Usurpation " + secret));
            assertTrue(String.valueOf(refused).contains("535")
                    || String.valueOf(refused.getNextException()).contains("535")
                    || refused instanceof AuthenticationFailedException, String.valueOf(refused));
        } finally {
            keycloak.setEmail("it.imposteur", own);
        }
        // The same password, with the e-mail that belongs to this user again, opens their own mailbox.
        try (ImapProbe client = ImapProbe.login(own, password)) {
            assertTrue(client.store().isConnected());
        }
        try (ImapProbe master = ImapProbe.asMaster(functional)) {
            assertEquals(1, master.subjects("INBOX").stream().filter(secret::equals).count(),
                    "the master user (the portal) still opens the functional mailbox");
        }
    }

    /**
     * Issue 9, item 12: the master password (the portal's) opens a mailbox only from the portal's own address; from
     * any other address it opens nothing.
     */
    @Test
    void theMasterPasswordOpensNothingFromAnotherAddress() throws Exception {
        String address = TestUser.create("it.maitre", "Alix", "Maître",
                "Registre-d-appel-2026-" + UUID.randomUUID().toString().substring(0, 8) + "!", false);
        String master = address + "*" + TestEnv.get("PREAU_MASTER_USER");
        assertThrows(AuthenticationFailedException.class,
                () -> ImapProbe.loginFrom(CLIENT_ADDRESS, master, TestEnv.get("PREAU_MASTER_PASSWORD")).close());
        try (ImapProbe portal = ImapProbe.asMaster(address)) {
            assertTrue(portal.store().isConnected(), "from the portal's address it still works");
        }
    }

    /**
     * Issue 9, item 8: failed logins from a mail client's address are penalised by Dovecot (each later attempt from
     * that address waits longer: 2, 4, 8, then 15 s), so IMAP is no fast password oracle.
     */
    @Test
    void failedLoginsFromAClientAddressArePenalised() throws Exception {
        String password = "Carnet-de-liaison-2026-" + UUID.randomUUID().toString().substring(0, 8) + "!";
        String address = TestUser.create("it.devin", "Lou", "Devin", password, false);
        // A client address of its own: no penalty left by another test (or an earlier run) lengthens the waits.
        String client = ImapProbe.anotherClientAddress();
        for (int i = 0; i < 2; i++) {
            String guess = "Devinette-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "!";
            assertThrows(AuthenticationFailedException.class,
                    () -> ImapProbe.loginFrom(client, address, guess).close());
        }
        String penalties = doveadmPenalty(client);
        java.util.regex.Matcher line = java.util.regex.Pattern.compile(
                "(?m)^" + java.util.regex.Pattern.quote(client) + "\\s+(\\d+)\\s").matcher(penalties);
        assertTrue(line.find(), "the client's address is penalised: " + penalties);
        assertTrue(Integer.parseInt(line.group(1)) >= 2, "one step per failed attempt: " + penalties);
        // The right password still opens the mailbox (after the penalty's wait), and clears the penalty.
        try (ImapProbe imap = ImapProbe.loginFrom(client, address, password)) {
            assertTrue(imap.store().isConnected());
        }
    }

    /**
     * Issue 9, item 12: one account may send at most {@code PREAU_SEND_MAX_RECIPIENTS_PER_HOUR} recipients an hour
     * over submission (1,000 in the stack): past it the message is refused with a temporary error that says the
     * limit, nothing is sent, and a smaller message still fits in what is left.
     */
    @Test
    void anAccountSendsAtMostSoManyRecipientsAnHour() throws Exception {
        int limit = TestEnv.port("PREAU_SEND_MAX_RECIPIENTS_PER_HOUR");
        String password = "Liste-de-diffusion-2026-" + UUID.randomUUID().toString().substring(0, 8) + "!";
        String run = UUID.randomUUID().toString().substring(0, 8);
        // A login of its own: the counts of an hour outlive the test (a second run on the same stack starts afresh).
        String address = TestUser.create("it.diffusion-" + run, "Gabin", "Diffusion", password, false);
        int big = limit / 2 + 100;

        submitTo(address, password, big, "Circulaire " + run);
        jakarta.mail.MessagingException refused = assertThrows(jakarta.mail.MessagingException.class,
                () -> submitTo(address, password, big, "Seconde circulaire " + run));
        String said = String.valueOf(refused) + " " + refused.getNextException();
        assertTrue(said.contains("450") && said.contains("Limite d'envoi atteinte") && said.contains(
                String.valueOf(limit)), said);
        submitTo(address, password, 1, "Petit mot " + run);
        try (ImapProbe imap = ImapProbe.login(address, password)) {
            assertEquals(1, imap.awaitSubject("INBOX", "Petit mot " + run, java.time.Duration.ofSeconds(30)));
            List<String> subjects = imap.subjects("INBOX");
            assertEquals(1, subjects.stream().filter(("Circulaire " + run)::equals).count());
            assertEquals(0, subjects.stream().filter(("Seconde circulaire " + run)::equals).count(),
                    "the refused message was not sent");
        }
    }

    /**
     * The portal's own notices (delegations, password expiry, quotas, recovery) leave as the system sender
     * ({@code PREAU_SYSTEM_SENDERS}, by default {@code ne-pas-repondre@<domain>}) through the master login, from the
     * portal's address: the hourly limit neither counts nor stops them, so a night of more than
     * {@code PREAU_SEND_MAX_MESSAGES_PER_HOUR} notices all leave (docs/adr/0081, amendment). The same address signed
     * in with its own password from a mail client (someone who knows it) is counted and refused past the limit.
     */
    @Test
    void thePortalsSystemSenderIsNotLimitedButTheSameAddressSignedInDirectlyIs() throws Exception {
        int maxMessages = TestEnv.port("PREAU_SEND_MAX_MESSAGES_PER_HOUR");
        String system = "ne-pas-repondre@" + TestEnv.domain();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String recipient = "it.avis-" + run + "@" + TestEnv.domain();
        fr.preau.testing.Accounts.ensure("it.avis-" + run, recipient, "Avis Nocturnes");
        fr.preau.testing.Accounts.ensure("ne-pas-repondre", system, "Messagerie académique");

        // Its own password, from a mail client: counted like anyone, refused past the limit (at the first message
        // when a run of the last hour already spent it). Three connections at once (a client emptying its outbox
        // in parallel) spend the hour's budget in a third of the time; each goes on until refused.
        String password = "Ne-pas-repondre-2026-" + run + "!";
        KeycloakAdmin keycloak = new KeycloakAdmin();
        keycloak.createUser("ne-pas-repondre", "Messagerie", "Académique", system, password, false);
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<String>> refusals = new java.util.ArrayList<>();
            for (int c = 0; c < 3; c++) {
                String subject = "Envoi direct " + run + " " + c;
                refusals.add(clients.submit(() -> SmtpProbe.refusal(() -> SmtpProbe.submitEach(CLIENT_ADDRESS,
                        system, password, system, recipient, subject, maxMessages + 1))));
            }
            for (java.util.concurrent.Future<String> refusal : refusals) {
                String said = refusal.get(120, java.util.concurrent.TimeUnit.SECONDS);
                assertTrue(said.contains("450") && said.contains("Limite d'envoi atteinte")
                        && said.contains(maxMessages + " messages"), said);
            }
        } finally {
            clients.shutdownNow();
            keycloak.deleteUser("ne-pas-repondre");
        }

        // The portal, through the master login, with the address's hourly budget spent: its notices still leave,
        // more than the limit in the hour in all, and none is counted.
        SmtpProbe.submitEach(null, system + "*" + TestEnv.get("PREAU_MASTER_USER"),
                TestEnv.get("PREAU_MASTER_PASSWORD"), system, recipient, "Avis " + run, 3);
        try (ImapProbe imap = ImapProbe.asMaster(recipient)) {
            assertEquals(1, imap.awaitSubject("INBOX", "Avis " + run + " 3", java.time.Duration.ofSeconds(30)));
        }
    }

    /** One message to {@code address} itself, named {@code count} times as recipient (as a long list would). */
    private static void submitTo(String address, String password, int count, String subject) throws Exception {
        InternetAddress[] to = new InternetAddress[count];
        java.util.Arrays.fill(to, new InternetAddress(address));
        SmtpProbe.submit(address, password, address, address, to, subject);
    }

    /** What Dovecot's anvil says of the penalties of {@code ip} ({@code doveadm penalty}). */
    private static String doveadmPenalty(String ip) throws Exception {
        java.nio.file.Path conf = java.nio.file.Path.of(TestEnv.get("PREAU_HOME"), "dovecot", "dovecot.conf");
        Process p = new ProcessBuilder("doveadm", "-c", conf.toString(), "penalty", ip).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "doveadm penalty");
        assertEquals(0, p.exitValue(), out);
        return out;
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
