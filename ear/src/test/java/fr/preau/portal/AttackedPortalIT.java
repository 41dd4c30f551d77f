package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.preau.testing.Accounts;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.KeycloakAdmin;
import fr.preau.testing.TestEnv;
import fr.preau.testing.TestUser;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;

/**
 * The portal attacked over HTTP the way issue 9 describes, with crafted requests: a forged {@code Host} header
 * trying to get into the links the portal hands out and mails, a session ended elsewhere (or by a password reset)
 * still asking the servlets for mail, attachments left in a shared computer's cache, HSTS behind the TLS proxy.
 */
class AttackedPortalIT extends PortalDeployment {
    private static final Pattern LINK = Pattern.compile("https?://\\S+\\?jeton=[A-Za-z0-9_-]{43}");
    private static final String EVIL = "evil.example";

    @Test
    void aForgedHostHeaderNeverReachesTheDownloadLinkOfALargeFile() throws Exception {
        PortalHttp visitor = signedIn("it.hote");
        HttpResponse<String> compose = visitor.get(Browser.portal() + "/mail/compose.xhtml");
        Matcher jeton = Pattern.compile("data-jeton=\"([^\"]+)\"").matcher(compose.body());
        assertTrue(jeton.find(), "the upload's anti-forgery token on the compose page");
        Map<String, String> forged = Map.of("Host", EVIL, "X-Preau-Jeton", jeton.group(1));

        PortalHttp.Raw begin = visitor.raw("POST", "/mail/grand-fichier?etape=debut&nom=hote.txt&taille=5"
                + "&type=text%2Fplain", forged, new byte[0]);
        assertEquals(200, begin.status(), begin.body());
        String id = json(begin.body(), "id");
        PortalHttp.Raw chunk = visitor.raw("POST", "/mail/grand-fichier?etape=morceau&id=" + id + "&position=0",
                forged, "hote\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(200, chunk.status(), chunk.body());
        PortalHttp.Raw finish = visitor.raw("POST", "/mail/grand-fichier?etape=fin&id=" + id, forged, new byte[0]);
        assertEquals(200, finish.status(), finish.body());

        String url = json(finish.body(), "url");
        assertFalse(url.contains(EVIL), url);
        assertTrue(url.startsWith(TestEnv.get("PREAU_PORTAL_URL") + "/public/telechargement.xhtml?jeton="), url);
    }

    @Test
    void aForgedHostHeaderNeverReachesAMailedResetLink() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String username = "it.hote.secours";
        TestUser.create(username, "Hector", "Hôte", "Hote-secours-" + run + "-1!", false);
        String personal = "hector.hote." + run + "@perso-preau.test";
        PortalDatabase.update("delete from recovery_token where username = ?", username);
        PortalDatabase.update("insert into mail_domain (name, active) values (?, true) on conflict do nothing",
                "perso-preau.test");
        Accounts.ensure("it.perso.hote." + run, personal, "Boîte personnelle d'Hector");
        Accounts.ensure("ne-pas-repondre", "ne-pas-repondre@" + TestEnv.domain(), "Messagerie académique");
        PortalDatabase.academySetting("identity.recovery.sender", "ne-pas-repondre@" + TestEnv.domain());
        PortalDatabase.update("insert into recovery_address (username, address, verified_at, updated_at)"
                + " values (?, ?, now(), now()) on conflict (username) do update set address = excluded.address,"
                + " verified_at = now()", username, personal);

        PortalHttp stranger = new PortalHttp();
        Map<String, String> forged = Map.of("Host", EVIL);
        PortalHttp.Raw page = stranger.raw("GET", "/public/mot-de-passe-oublie.xhtml", forged, new byte[0]);
        assertEquals(200, page.status(), page.body());
        String form = "forgot=forgot&forgot%3Aidentifier=" + username + "&forgot%3Asend="
                + PortalHttp.faces(page.body(), page.headers().get("content-security-policy"));
        PortalHttp.Raw sent = stranger.raw("POST", "/public/mot-de-passe-oublie.xhtml", Map.of("Host", EVIL,
                "Content-Type", "application/x-www-form-urlencoded"), form.getBytes(StandardCharsets.US_ASCII));
        assertTrue(sent.body().contains("forgot-sent"), sent.status() + " " + sent.headers() + " " + sent.body());

        String link = awaitLink(personal, "Réinitialisation de votre mot de passe");
        assertFalse(link.contains(EVIL), link);
        assertTrue(link.startsWith(TestEnv.get("PREAU_PORTAL_URL") + "/public/nouveau-mot-de-passe.xhtml"), link);
    }

    @Test
    void aSessionEndedElsewhereGetsNoMailFromTheServlets() throws Exception {
        String username = "it.revoque";
        PortalHttp stolen = signedIn(username);
        String uid = seedMessageWithAttachment(username + "@" + TestEnv.domain());
        String attachment = Browser.portal() + "/mail/piece-jointe?dossier=INBOX&uid=" + uid + "&partie=r.1";
        HttpResponse<String> before = stolen.get(Browser.portal() + "/mail/export?dossier=INBOX");
        assertEquals(200, before.statusCode());
        assertTrue(before.body().contains("Bulletin du trimestre"), "the export works while signed in");
        assertEquals(200, stolen.get(attachment).statusCode());

        // "Mes sessions" ends it from another browser: Keycloak forgets it, the portal records it as revoked.
        List<String> sessions = new KeycloakAdmin().sessionIds(username);
        assertFalse(sessions.isEmpty());
        for (String sid : sessions) {
            PortalDatabase.update("insert into revoked_session (sid) values (?) on conflict do nothing", sid);
        }

        assertNoMail(stolen.get(Browser.portal() + "/mail/export?dossier=INBOX"));
        assertNoMail(stolen.get(attachment));
        assertNoMail(stolen.get(Browser.portal() + "/mail/inbox.xhtml"));
    }

    @Test
    void aPasswordResetEndsTheUsersPortalSessions() throws Exception {
        String username = "it.reinit";
        PortalHttp stolen = signedIn(username);
        assertEquals(200, stolen.get(Browser.portal() + "/mail/export?dossier=INBOX").statusCode());

        // The owner resets the password through the link mailed to their recovery address.
        String token = "R" + UUID.randomUUID().toString().replace("-", "") + "r".repeat(10);
        PortalDatabase.update("delete from recovery_token where username = ?", username);
        PortalDatabase.update("insert into recovery_token (token_hash, username, expires_at)"
                + " values (?, ?, now() + interval '1 hour')", sha256(token), username);
        PortalHttp owner = new PortalHttp();
        String resetPage = Browser.portal() + "/public/nouveau-mot-de-passe.xhtml?jeton=" + token;
        HttpResponse<String> page = owner.get(resetPage);
        assertEquals(200, page.statusCode());
        String chosen = URLEncoder.encode("Reprise-en-main-" + token.substring(1, 7) + "-9!", StandardCharsets.UTF_8);
        HttpResponse<String> done = owner.post(resetPage, "reset=reset&reset%3Apassword=" + chosen
                + "&reset%3Aconfirmation=" + chosen + "&reset%3Asave=" + PortalHttp.faces(page.body(),
                page.headers().firstValue("Content-Security-Policy").orElse("")), null);
        assertTrue(done.body().contains("reset-done"), done.statusCode() + " " + done.headers().map() + " "
                + done.body());

        assertNoMail(stolen.get(Browser.portal() + "/mail/export?dossier=INBOX"));
        assertNoMail(stolen.get(Browser.portal() + "/mail/inbox.xhtml"));
    }

    @Test
    void attachmentsAreNeverStoredAndHttpsAnswersCarryHsts() throws Exception {
        String username = "it.cache";
        PortalHttp visitor = signedIn(username);
        String uid = seedMessageWithAttachment(username + "@" + TestEnv.domain());
        String attachment = Browser.portal() + "/mail/piece-jointe?dossier=INBOX&uid=" + uid + "&partie=r.1";

        HttpResponse<String> download = visitor.get(attachment);
        assertEquals(200, download.statusCode());
        assertTrue(download.headers().firstValue("Cache-Control").orElse("").contains("no-store"),
                download.headers().map().toString());
        HttpResponse<String> image = visitor.get(attachment + "&inline=1");
        assertTrue(image.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        assertFalse(image.headers().firstValue("Cache-Control").orElse("").contains("max-age"));

        // Behind the academy's TLS proxy (X-Forwarded-Proto: https): HSTS; plain http: none, browsers ignore it.
        HttpResponse<String> overTls = visitor.send(HttpRequest.newBuilder(java.net.URI.create(
                Browser.portal() + "/public/deconnexion.xhtml")).header("X-Forwarded-Proto", "https").GET());
        String hsts = overTls.headers().firstValue("Strict-Transport-Security").orElse("");
        assertTrue(hsts.startsWith("max-age=31536000"), hsts);
        HttpResponse<String> download2 = visitor.send(HttpRequest.newBuilder(java.net.URI.create(attachment))
                .header("X-Forwarded-Proto", "https").GET());
        assertTrue(download2.headers().firstValue("Strict-Transport-Security").isPresent());
        assertTrue(visitor.get(Browser.portal() + "/public/deconnexion.xhtml").headers()
                .firstValue("Strict-Transport-Security").isEmpty());
    }

    /** Revoked: no content of the mailbox, only the way to the signed-out page (or to Keycloak). */
    private static void assertNoMail(HttpResponse<String> response) {
        assertNotEquals(200, response.statusCode(), response.uri() + ": " + response.body());
        assertFalse(response.body().contains("Bulletin du trimestre"));
        assertEquals(302, response.statusCode(), response.uri().toString());
    }

    private static PortalHttp signedIn(String username) throws Exception {
        String password = "Attaque-" + UUID.randomUUID().toString().substring(0, 8) + "-2026!";
        TestUser.create(username, "Ada", "Attaquée", password, false);
        PortalHttp visitor = new PortalHttp();
        visitor.signIn(username, password);
        return visitor;
    }

    /** A message with a PDF attachment in INBOX (emptied first); answers its UID as the portal writes it. */
    private static String seedMessageWithAttachment(String address) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()));
        message.setFrom(new InternetAddress("direction@" + TestEnv.domain()));
        message.setRecipients(Message.RecipientType.TO, address);
        message.setSubject("Bulletin du trimestre", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Bulletin du trimestre en pièce jointe.", "UTF-8");
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setContent("%PDF-1.4 bulletin".getBytes(StandardCharsets.US_ASCII), "application/pdf");
        pdf.setFileName("bulletin.pdf");
        message.setContent(new MimeMultipart(text, pdf));
        message.saveChanges();
        try (ImapProbe mailbox = ImapProbe.asMaster(address)) {
            mailbox.empty("INBOX");
            mailbox.append("INBOX", message);
            Folder inbox = mailbox.store().getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                UIDFolder uids = (UIDFolder) inbox;
                return uids.getUIDValidity() + ":" + uids.getUID(inbox.getMessage(inbox.getMessageCount()));
            } finally {
                inbox.close(false);
            }
        }
    }

    private static String json(String body, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    /** The link of the newest message with this subject in the personal mailbox (waits for it). */
    private static String awaitLink(String address, String subject) throws Exception {
        try (ImapProbe mailbox = ImapProbe.asMaster(address)) {
            assertTrue(mailbox.awaitSubject("INBOX", subject, Duration.ofSeconds(60)) > 0, subject);
            Folder inbox = mailbox.store().getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                Message[] all = inbox.getMessages();
                Matcher m = LINK.matcher(String.valueOf(all[all.length - 1].getContent()));
                assertTrue(m.find(), "a link in the mail");
                return m.group();
            } finally {
                inbox.close(false);
            }
        }
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.US_ASCII)));
    }
}
