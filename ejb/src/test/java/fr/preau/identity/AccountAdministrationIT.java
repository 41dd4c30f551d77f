package fr.preau.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.preau.audit.AuditAction;
import fr.preau.delegation.AgendaAccess;
import fr.preau.delegation.Delegation;
import fr.preau.delegation.DelegationRights;
import fr.preau.delegation.DelegationStatus;
import fr.preau.delegation.MailAccess;
import fr.preau.mail.MailFixture;
import fr.preau.mail.schedule.ScheduledSender;
import fr.preau.settings.quota.QuotaClass;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.ItArchive;
import fr.preau.testing.SieveProbe;
import fr.preau.testing.KeycloakAdmin;
import fr.preau.testing.SmtpProbe;
import fr.preau.testing.TestEnv;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Quota;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.codec.digest.Sha2Crypt;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The accounts page's services (issue 11, item 1; docs/adr/0090) in a real WildFly against the real Keycloak,
 * PostgreSQL, Dovecot and Postfix: a suspended account signs in nowhere (Keycloak, IMAP with its password or an app
 * password, submission), a submission session opened before sends nothing more, its scheduled messages are refused,
 * and it still receives its mail and the portal's notices; reactivated, it signs in again; homonyms get numbered
 * identifiers; a quota class change is Dovecot's quota at the next login; an establishment administrator of another
 * establishment is refused every action and changes nothing. The settings page and the quota classes (items 4 and
 * 2, docs/adr/0094): values checked together and audited, classes edited with Dovecot following, deleted only when
 * empty, neither open to an establishment administrator.
 */
@ExtendWith(ArquillianExtension.class)
class AccountAdministrationIT {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("account-administration-it.war", IdentityServicesIT.MODULES);
    }

    @EJB
    private AsAccountAdmin admin;

    @EJB
    private AsOtherEtabAdmin otherEtabAdmin;

    @EJB
    private AsEtabAdmin etabAdmin;

    @EJB
    private MailFixture fixture;

    @Inject
    private IdentityServer identity;

    @EJB
    private AccountAdminFixture database;

    @Inject
    private RecoveryMailer mailer;

    /** Its run is serialised with its own ticks: a message due before the call is handled when it returns. */
    @EJB
    private ScheduledSender sender;

    @EJB
    private RecoveryFixture recoveryFixture;

    /**
     * The door through which a suspension ends the mail sessions (doveadm's HTTP API, ADR 0095) opens only to its
     * key: a request without it, or with another, is refused and ends nobody's session.
     */
    @Test
    void doveadmsApiRefusesARequestWithoutItsKey() throws Exception {
        URI api = URI.create("http://127.0.0.1:" + TestEnv.get("PREAU_DOVEADM_PORT") + "/doveadm/v1");
        String kick = "[[\"kick\",{\"mask\":[\"*\"]},\"k\"]]"; // every session, were it accepted
        HttpClient http = HttpClient.newHttpClient();
        for (String authorization : new String[] {null, "X-Dovecot-API " + java.util.Base64.getEncoder()
                .encodeToString("not-the-key".getBytes(StandardCharsets.UTF_8)), "Basic ZG92ZWFkbTpkb3ZlYWRt"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(api).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(kick));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, answer.statusCode(), authorization + ": " + answer.body());
        }
        String nobody = "[[\"kick\",{\"mask\":[\"personne." + UUID.randomUUID() + "@invalid\"]},\"k\"]]";
        HttpResponse<String> keyed = http.send(HttpRequest.newBuilder(api).header("Content-Type", "application/json")
                .header("Authorization", "X-Dovecot-API " + java.util.Base64.getEncoder().encodeToString(
                        TestEnv.get("PREAU_DOVEADM_API_KEY").getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(nobody)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, keyed.statusCode(), "the same door with its key answers: " + keyed.body());
    }

    @Test
    void aSuspendedAccountSignsInNowhereButStillReceivesMail() throws Exception {
        String username = uniqueName("it.suspendu");
        String password = "Conseil-de-classe-2026-" + UUID.randomUUID().toString().substring(0, 8) + "!";
        String address = createUser(username, password);
        String appPassword = appPassword(address);
        String colleague = uniqueName("it.suspendu.collegue");
        fixture.ensureAccount(colleague, colleague + "@" + TestEnv.domain(), colleague);
        Session smtp = Session.getInstance(new Properties());
        try (ImapProbe before = ImapProbe.login(address, appPassword);
                Transport submission = smtp.getTransport("smtp")) {
            assertTrue(before.subjects("INBOX").isEmpty());
            submission.connect("127.0.0.1", TestEnv.port("PREAU_SUBMISSION_PORT"), address, appPassword);
            submission.sendMessage(toSelf(smtp, address, "Envoyé avant la suspension"), to(address));

            admin.suspend(username);

            assertTrue(before.awaitClosedByServer(Duration.ofSeconds(10)),
                    "the IMAP session opened before the suspension is closed by Dovecot");
            MessagingException refused = assertThrows(MessagingException.class, () -> submission.sendMessage(
                    toSelf(smtp, address, "Envoyé par la session ouverte avant la suspension"), to(address)),
                    "the next message of the submission session opened before the suspension is refused");
            StringBuilder answers = new StringBuilder();
            for (Exception e = refused; e != null;
                    e = e instanceof MessagingException m ? m.getNextException() : null) {
                answers.append(e.getMessage()).append(" / ");
            }
            assertTrue(answers.toString().contains("553 5.7.1"), "refused by Postfix as not owned: " + answers);
        }
        long scheduled = database.scheduledNow(address, "<" + UUID.randomUUID() + "@it.preau>");

        assertFalse(identity.user(username).isEnabled(), "Keycloak user disabled: no portal sign-in");
        HttpResponse<String> grant = PasswordGrant.attempt(username, password);
        assertEquals(400, grant.statusCode());
        assertTrue(grant.body().toLowerCase().contains("disabled"), grant.body());
        assertThrows(AuthenticationFailedException.class,
                () -> ImapProbe.loginFrom(ImapProbe.anotherClientAddress(), address, password).close());
        assertThrows(AuthenticationFailedException.class,
                () -> ImapProbe.loginFrom(ImapProbe.anotherClientAddress(), address, appPassword).close());
        assertThrows(AuthenticationFailedException.class,
                () -> SmtpProbe.submit(address, appPassword, address, "Envoyé pendant la suspension"));
        String subject = "Courrier pendant la suspension " + UUID.randomUUID();
        SmtpProbe.sendFromOutside(address, subject);
        String notice = "Avis du portail pendant la suspension " + UUID.randomUUID();
        mailer.send(address, notice, "Avis.");
        try (ImapProbe mailbox = ImapProbe.asMaster(address)) {
            assertEquals(1, mailbox.awaitSubject("INBOX", subject, Duration.ofSeconds(30)), "still delivered");
            assertEquals(1, mailbox.awaitSubject("INBOX", notice, Duration.ofSeconds(30)), "the portal's notices too");
            assertEquals(1, mailbox.subjects("INBOX").stream().filter("Envoyé avant la suspension"::equals).count());
            assertEquals(0, mailbox.subjects("INBOX").stream()
                    .filter("Envoyé par la session ouverte avant la suspension"::equals).count());
        }
        SmtpProbe.witness(colleague + "@" + TestEnv.domain(), Duration.ofSeconds(30));
        sender.run();
        assertEquals("FAILED: " + ScheduledSender.ACCOUNT_SUSPENDED, database.scheduledState(scheduled),
                "a suspended account's message scheduled for now is refused, kept for its author");
        assertEquals(1L, auditEntries(username, AccountAdministration.SUSPENDED));
        InvalidInputException twice = assertThrows(InvalidInputException.class, () -> admin.suspend(username));
        assertEquals("admin.accounts.alreadySuspended", twice.messageKey());
        List<AccountRow> suspended = admin.search(new AccountQuery(username, null, AccountQuery.Status.SUSPENDED));
        assertEquals(List.of(username), suspended.stream().map(AccountRow::username).toList());

        admin.reactivate(username);

        assertTrue(identity.user(username).isEnabled());
        assertEquals(PasswordGrant.Outcome.VALID, PasswordGrant.check(username, password));
        try (ImapProbe after = ImapProbe.login(address, appPassword)) {
            assertEquals(1, after.subjects("INBOX").stream().filter(subject::equals).count());
        }
        SmtpProbe.submit(address, appPassword, address, "Envoyé après la réactivation");
        assertEquals(1L, auditEntries(username, AccountAdministration.REACTIVATED));
        assertTrue(admin.search(new AccountQuery(username, null, AccountQuery.Status.SUSPENDED)).isEmpty());
    }

    @Test
    void aRenameKeepsTheMailboxAndMailFlowingToTheOldAddress() throws Exception {
        String suffix = uniqueName("x").substring(2);
        String oldUsername = AccountIdentifier.base("Claire", "Martin-" + suffix);
        String password = "Conseil-de-classe-2026-" + UUID.randomUUID().toString().substring(0, 8) + "!";
        String oldAddress = createUser(oldUsername, password);
        String appPassword = appPassword(oldAddress);
        String folder = "Classe 4B";
        try (ImapProbe imap = ImapProbe.asMaster(oldAddress)) {
            imap.appendText("INBOX", "parent.eleve@exemple.org", "Avant le renommage", "Bonjour");
            assertTrue(imap.store().getFolder(folder).create(Folder.HOLDS_MESSAGES));
            imap.appendText(folder, "parent.eleve@exemple.org", "Sortie au musée", "Bonjour");
            Folder classe = imap.store().getFolder(folder);
            classe.open(Folder.READ_WRITE);
            classe.getMessage(1).setFlag(Flags.Flag.FLAGGED, true);
            classe.close(false);
        }
        try (SieveProbe sieve = SieveProbe.login(oldAddress, password)) {
            sieve.putActive("classement", "require \"fileinto\";\r\nif header :contains \"subject\" \"[4B]\""
                    + " { fileinto \"" + folder + "\"; }\r\n");
        }
        // Someone already holds the identifier the new names give: the rename takes the next one.
        String newBase = AccountIdentifier.base("Claire", "Durand-" + suffix);
        fixture.ensureAccount(newBase, newBase + "@" + TestEnv.domain(), "Claire Durand");

        AccountRename preview = admin.previewRename(oldUsername, "Claire", "Durand-" + suffix);
        String newUsername = newBase + "2";
        String newAddress = newUsername + "@" + TestEnv.domain();
        assertEquals(new AccountRename(oldUsername, oldAddress, newUsername, newAddress, "Claire Durand-" + suffix),
                preview);
        assertEquals("admin.accounts.rename.changed", assertThrows(InvalidInputException.class,
                () -> admin.rename(oldUsername, "Claire", "Durand-" + suffix, newBase)).messageKey());
        assertEquals("identity.lastName.required", assertThrows(InvalidInputException.class,
                () -> admin.previewRename(oldUsername, "Claire", " ")).messageKey());
        assertTrue(identity.findUser(newUsername).isEmpty(), "nothing renamed by refused requests");
        try (ImapProbe before = ImapProbe.login(oldAddress, appPassword)) {
            admin.rename(oldUsername, "Claire", "Durand-" + suffix, newUsername);

            assertTrue(before.awaitClosedByServer(Duration.ofSeconds(10)),
                    "the IMAP session opened under the old address is closed");
        }

        // Keycloak: new username and e-mail, sessions ended; the same password, the old identifier nowhere.
        assertTrue(identity.call(() -> identity.userResource(newUsername).getUserSessions()).isEmpty());
        assertEquals(newAddress, identity.user(newUsername).getEmail());
        assertTrue(identity.findUser(oldUsername).isEmpty());
        assertEquals(PasswordGrant.Outcome.VALID, PasswordGrant.check(newUsername, password));
        assertEquals(PasswordGrant.Outcome.REFUSED, PasswordGrant.check(oldUsername, password));
        assertThrows(AuthenticationFailedException.class,
                () -> ImapProbe.loginFrom(ImapProbe.anotherClientAddress(), oldAddress, password).close());
        assertThrows(AuthenticationFailedException.class,
                () -> ImapProbe.loginFrom(ImapProbe.anotherClientAddress(), oldAddress, appPassword).close());

        // The whole mailbox under the new address: messages, folders, flags, app password, Sieve script.
        try (ImapProbe imap = ImapProbe.login(newAddress, password)) {
            assertTrue(imap.subjects("INBOX").contains("Avant le renommage"));
            Folder classe = imap.store().getFolder(folder);
            classe.open(Folder.READ_ONLY);
            assertTrue(classe.getMessage(1).isSet(Flags.Flag.FLAGGED), "flags kept");
            classe.close(false);
        }
        ImapProbe.login(newAddress, appPassword).close();
        try (SieveProbe sieve = SieveProbe.login(newAddress, password)) {
            assertEquals(List.of("\"classement\" ACTIVE"), sieve.scripts());
        }

        // Mail to the old address arrives in the same mailbox, through the Sieve script too.
        String toOld = "Pour l'ancienne adresse " + UUID.randomUUID();
        String sorted = "[4B] Autorisation de sortie " + UUID.randomUUID();
        SmtpProbe.sendFromOutside(oldAddress, toOld);
        SmtpProbe.sendFromOutside(oldAddress, sorted);
        // The person sends as the old address and as the new one.
        String asOld = "Envoyé comme l'ancienne adresse " + UUID.randomUUID();
        String asNew = "Envoyé comme la nouvelle adresse " + UUID.randomUUID();
        SmtpProbe.submit(newAddress, password, oldAddress, newAddress, asOld);
        SmtpProbe.submit(newAddress, appPassword, newAddress, newAddress, asNew);
        try (ImapProbe mailbox = ImapProbe.asMaster(newAddress)) {
            assertEquals(1, mailbox.awaitSubject("INBOX", toOld, Duration.ofSeconds(30)));
            assertEquals(1, mailbox.awaitSubject(folder, sorted, Duration.ofSeconds(30)), "filed by the Sieve script");
            assertEquals(1, mailbox.awaitSubject("INBOX", asOld, Duration.ofSeconds(30)));
            assertEquals(1, mailbox.awaitSubject("INBOX", asNew, Duration.ofSeconds(30)));
        }

        // Audited; listed under the new name; a namesake created later never gets the old identifier or address.
        assertEquals(1L, auditEntries(newUsername, AccountAdministration.RENAMED + oldUsername + " -> " + newUsername));
        assertEquals(List.of("Claire Durand-" + suffix), admin.search(new AccountQuery(newUsername, null, null))
                .stream().map(AccountRow::displayName).toList());
        ProvisionalPassword namesake = admin.create("Claire", "Martin-" + suffix, null, null);
        assertEquals(oldUsername + "2", namesake.username());
    }

    @Test
    void homonymsGetTheNextNumberAndTheChosenQuotaClass() throws Exception {
        String lastName = "Lefèvre-" + uniqueName("x").substring(2);
        ProvisionalPassword first = admin.create("Hélène", lastName, null, "etendu");
        ProvisionalPassword second = admin.create(" hélène ", lastName.toUpperCase(), null, null);

        String base = "helene." + AccountIdentifier.fold(lastName);
        assertEquals(base, first.username());
        assertEquals(base + "2", second.username());
        assertEquals(base + "2@" + TestEnv.domain(), second.address());
        assertEquals(PasswordGrant.Outcome.PROVISIONAL, PasswordGrant.check(second.username(), second.password()));
        List<AccountRow> found = admin.search(new AccountQuery(base, null, null));
        assertEquals(List.of("etendu", "standard"), found.stream().map(AccountRow::quotaClass).toList());

        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> admin.create("Hélène", lastName, null, "illimite"));
        assertEquals("identity.quotaClass.unknown", unknown.messageKey());
        assertEquals(2, admin.search(new AccountQuery(base, null, null)).size(), "nothing created");
    }

    /**
     * Issue 11, item 1: a provisional password mailed to a personal address (at creation the address typed, at a
     * reset the account's verified recovery address) reaches that mailbox in French and English, works, is not in
     * the service's answer, and is audited without the password; a bad or academic address creates nothing, a reset
     * without a recovery address changes nothing, and a refused mail leaves the password to be shown.
     */
    @Test
    void aProvisionalPasswordMailedToAPersonalAddressIsNotShown() throws Exception {
        String run = uniqueName("p").substring(2);
        String personal = "paule." + run + "@" + RecoveryFixture.PERSONAL_DOMAIN;
        String recovery = "paule.secours." + run + "@" + RecoveryFixture.PERSONAL_DOMAIN;
        recoveryFixture.personalMailbox("it.perso.paule-" + run, personal);
        recoveryFixture.personalMailbox("it.secours.paule-" + run, recovery);
        fixture.ensureAccount("ne-pas-repondre", "ne-pas-repondre@" + TestEnv.domain(), "Messagerie académique");
        database.setting(RecoveryMailer.SENDER_SETTING, "ne-pas-repondre@" + TestEnv.domain());
        String lastName = "Courriel-" + run;
        String base = "paule." + AccountIdentifier.fold(lastName);

        InvalidInputException invalid = assertThrows(InvalidInputException.class,
                () -> admin.createMailed("Paule", lastName, null, "paule-sans-arobase"));
        assertEquals("admin.accounts.personal.invalid", invalid.messageKey());
        assertEquals("personalAddress", invalid.field());
        InvalidInputException academic = assertThrows(InvalidInputException.class,
                () -> admin.createMailed("Paule", lastName, null, "paule@" + TestEnv.domain()));
        assertEquals("admin.accounts.personal.academic", academic.messageKey());
        assertTrue(admin.search(new AccountQuery(base, null, null)).isEmpty(), "nothing created on bad input");
        assertTrue(identity.findUser(base).isEmpty());

        ProvisionalPassword created = admin.createMailed("Paule", lastName, null, " " + personal.toUpperCase() + " ");

        assertEquals(base, created.username());
        assertEquals(null, created.password(), "mailed, not handed back to the page");
        assertEquals(personal, created.mailedTo());
        assertTrue(created.mailed());
        String mail = mailTo(personal);
        assertTrue(mail.contains("Identifiant : " + base) && mail.contains("Username: " + base), mail);
        String password = passwordIn(mail);
        assertEquals(PasswordGrant.Outcome.PROVISIONAL, PasswordGrant.check(base, password));
        assertEquals(1L, auditEntries(base, "provisional password sent to " + personal));
        assertEquals(0L, database.auditEntriesContaining(password), "the password is in no audit entry");

        InvalidInputException none = assertThrows(InvalidInputException.class,
                () -> admin.reissueToRecoveryAddress(base));
        assertEquals("admin.accounts.noRecoveryAddress", none.messageKey());
        assertEquals(PasswordGrant.Outcome.PROVISIONAL, PasswordGrant.check(base, password), "nothing changed");

        database.verifiedRecoveryAddress(base, recovery);
        otherEtabAdmin.ensureOwnAccount(TestEnv.domain());
        assertEquals("identity.establishment.forbidden", assertThrows(InvalidInputException.class,
                () -> otherEtabAdmin.reissueToRecoveryAddress(base)).messageKey(), "not their establishment's");
        ProvisionalPassword reset = admin.reissueToRecoveryAddress(base);

        assertEquals(null, reset.password());
        assertEquals(recovery, reset.mailedTo());
        String again = passwordIn(mailTo(recovery));
        assertNotEquals(password, again);
        assertEquals(PasswordGrant.Outcome.PROVISIONAL, PasswordGrant.check(base, again));
        assertEquals(PasswordGrant.Outcome.REFUSED, PasswordGrant.check(base, password), "the old one stops");
        assertEquals(1L, auditEntries(base, "provisional password"));
        assertEquals(1L, auditEntries(base, "provisional password sent to " + recovery));

        // Postfix refuses an unknown mailbox of a local domain: the account stays, its password is shown instead.
        String nobody = "personne." + run + "@" + RecoveryFixture.PERSONAL_DOMAIN;
        ProvisionalPassword refused = admin.createMailed("Paule", lastName, null, nobody);
        assertEquals(base + "2", refused.username());
        assertTrue(refused.mailFailed());
        assertFalse(refused.mailed());
        assertEquals(PasswordGrant.Outcome.PROVISIONAL, PasswordGrant.check(refused.username(), refused.password()));
        assertEquals(1, admin.search(new AccountQuery(base + "2", null, null)).size());
        assertEquals(1L, database.auditEntries(AuditAction.ADMIN_ACTION.name(), base + "2",
                "provisional password not sent to " + nobody + ": shown instead"));
    }

    @Test
    void aQuotaClassChangeIsDovecotsQuotaAtTheNextLogin() throws Exception {
        String username = uniqueName("it.quota");
        String address = createUser(username, "Tableau-blanc-2026-" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(2048L * 1024, storageLimitKb(address));

        admin.changeQuotaClass(username, "etendu");

        assertEquals(10240L * 1024, storageLimitKb(address));
        assertEquals(1L, auditEntries(username, "quota class standard -> etendu"));
        InvalidInputException unknown = assertThrows(InvalidInputException.class,
                () -> admin.changeQuotaClass(username, "illimite"));
        assertEquals("identity.quotaClass.unknown", unknown.messageKey());
    }

    @Test
    void anEstablishmentAdministratorOfAnotherEstablishmentChangesNothing() throws Exception {
        otherEtabAdmin.ensureOwnAccount(TestEnv.domain());
        String username = uniqueName("it.voisin");
        String password = "Salle-des-profs-2026-" + UUID.randomUUID().toString().substring(0, 8) + "!";
        createUser(username, password);
        etabAdmin.placeInEstablishment(username);

        for (var action : List.<Action>of(otherEtabAdmin::suspend, otherEtabAdmin::reactivate,
                u -> otherEtabAdmin.changeQuotaClass(u, "etendu"), otherEtabAdmin::reissue,
                u -> otherEtabAdmin.previewRename(u, "Inès", "Renommée"),
                u -> otherEtabAdmin.rename(u, "Inès", "Renommée", "ines.renommee"))) {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> action.run(username));
            assertEquals("identity.establishment.forbidden", refused.messageKey());
        }
        InvalidInputException create = assertThrows(InvalidInputException.class,
                () -> otherEtabAdmin.create("Inès", "Intruse", AsEtabAdmin.UAI, null));
        assertEquals("identity.establishment.forbidden", create.messageKey());
        assertTrue(identity.user(username).isEnabled());
        assertEquals(PasswordGrant.Outcome.VALID, PasswordGrant.check(username, password));
        assertEquals(0L, otherEtabAdmin.count(new AccountQuery(username, null, null)), "not even listed");
        assertTrue(otherEtabAdmin.search(new AccountQuery(null, null, null)).stream()
                .allMatch(r -> AsOtherEtabAdmin.UAI.equals(r.establishmentUai())));
        assertNotEquals(0L, otherEtabAdmin.count(new AccountQuery(AsOtherEtabAdmin.USERNAME, null, null)));
        assertEquals(0L, auditEntries(username, AccountAdministration.SUSPENDED));
        assertTrue(identity.findUser("ines.renommee").isEmpty(), "not renamed");
    }

    @Test
    void settingsAreCheckedTogetherAuditedOneByOneAndOnlyForAcademyAdministrators() {
        String retention = "audit.retention-days";
        String expiry = "mail.large-file.expiry";
        String weekends = "mail.disconnect.weekends";
        String purge = "batch.purge-large-files.at";
        database.removeSettings(retention, expiry, weekends, purge);
        try {
            // One value out of bounds among good ones: refused, named, and nothing written.
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> admin.changeSettings(
                    Map.of(expiry, "P7D", retention, "90", weekends, "false")));
            assertEquals(retention, refused.field());
            assertEquals("settings.error.integer", refused.messageKey());
            assertEquals("90", refused.argument());
            InvalidInputException hour = assertThrows(InvalidInputException.class,
                    () -> admin.changeSettings(Map.of(purge, "25:00")));
            assertEquals("settings.error.jobHour", hour.messageKey());
            assertEquals("settings.error.readOnly", assertThrows(InvalidInputException.class,
                    () -> admin.changeSettings(Map.of("mail.schedule.evidence-address", "moi@exemple.fr")))
                    .messageKey());
            assertEquals("settings.error.unknown", assertThrows(InvalidInputException.class,
                    () -> admin.changeSettings(Map.of("mail.illimite", "1"))).messageKey());
            for (String name : List.of(retention, expiry, weekends, purge)) {
                assertEquals(null, database.setting(name), name + " unchanged");
            }

            // Good values: written, each audited with its value before and after; the job hour through the
            // scheduler's own check; a value equal to what applies changes nothing. (Audit entries stay from
            // earlier runs: counted before and after.)
            String retentionSet = "setting audit.retention-days: default 365 -> 400";
            String purgeSet = "nightly job purge-large-files at 02:30 -> 04:05";
            String retentionReset = "setting audit.retention-days: 400 -> default 365";
            long retentionSetBefore = database.auditEntries("ADMIN_ACTION", retention, retentionSet);
            long purgeSetBefore = database.auditEntries("ADMIN_ACTION", purge, purgeSet);
            long retentionResetBefore = database.auditEntries("ADMIN_ACTION", retention, retentionReset);
            Map<String, String> values = new LinkedHashMap<>();
            values.put(retention, " 400 ");
            values.put(expiry, "p7d");
            values.put(weekends, "FALSE");
            values.put(purge, "04:05");
            values.put("mail.move.batch-size", "200");
            assertEquals(List.of(purge, weekends, expiry, retention), admin.changeSettings(values));
            assertEquals("400", database.setting(retention));
            assertEquals("P7D", database.setting(expiry));
            assertEquals("false", database.setting(weekends));
            assertEquals("04:05", database.setting(purge));
            assertEquals(null, database.setting("mail.move.batch-size"));
            assertEquals(retentionSetBefore + 1, database.auditEntries("ADMIN_ACTION", retention, retentionSet));
            assertEquals(purgeSetBefore + 1, database.auditEntries("ADMIN_ACTION", purge, purgeSet));
            assertEquals("400", admin.settings().stream().filter(s -> s.definition().name().equals(retention))
                    .findFirst().orElseThrow().effective());

            // A blank value brings the default back.
            assertEquals(List.of(retention), admin.changeSettings(Map.of(retention, "")));
            assertEquals(null, database.setting(retention));
            assertEquals(retentionResetBefore + 1, database.auditEntries("ADMIN_ACTION", retention, retentionReset));

            // An establishment administrator reads and changes nothing.
            assertRefused(() -> otherEtabAdmin.settings());
            assertRefused(() -> otherEtabAdmin.changeSettings(Map.of(retention, "500")));
            assertEquals(null, database.setting(retention));
        } finally {
            database.removeSettings(retention, expiry, weekends, purge);
        }
    }

    @Test
    void aQuotaClassIsEditedAuditedFollowedByDovecotAndDeletedOnlyWhenEmpty() throws Exception {
        String code = "it-" + uniqueName("cl").substring(3);
        QuotaClass created = admin.createQuotaClass(new QuotaClass(" " + code.toUpperCase() + " ", "Classe d'essai",
                300, 3, null, 0));
        assertEquals(code, created.code());
        String username = uniqueName("it.classe");
        String address = createUser(username, "Cahier-de-textes-2026-" + UUID.randomUUID().toString().substring(0, 8));
        database.quotaClass(username, code);
        assertEquals(300L * 1024, storageLimitKb(address));

        admin.updateQuotaClass(new QuotaClass(code, "Classe d'essai", 600, null, 400, 0));
        assertEquals(600L * 1024, storageLimitKb(address), "Dovecot applies the edited class at the next login");
        QuotaClass edited = admin.quotaClasses().stream().filter(q -> q.code().equals(code)).findFirst()
                .orElseThrow();
        assertEquals(new QuotaClass(code, "Classe d'essai", 600, null, 400, 1), edited);
        assertEquals(1L, database.auditEntries("ADMIN_ACTION", "quota-class:" + code, "quota class " + code
                + ": storage 300 MB -> 600 MB, attachments 3 MB -> academy, archive academy -> 400 days"));

        // Bad input changes nothing.
        for (QuotaClass bad : List.of(new QuotaClass(code, " ", 600, null, null, 0),
                new QuotaClass(code, "Classe d'essai", 0, null, null, 0),
                new QuotaClass(code, "Classe d'essai", 600, 101, null, 0),
                new QuotaClass(code, "Classe d'essai", 600, null, -1, 0))) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> admin.updateQuotaClass(bad));
            assertTrue(e.messageKey().startsWith("quota.class.error."), e.messageKey());
        }
        assertEquals("quota.class.error.exists", assertThrows(InvalidInputException.class,
                () -> admin.createQuotaClass(new QuotaClass(code, "Doublon", 10, null, null, 0))).messageKey());
        assertEquals("quota.class.error.code", assertThrows(InvalidInputException.class,
                () -> admin.createQuotaClass(new QuotaClass("classe spéciale", "X", 10, null, null, 0))).messageKey());
        assertEquals(edited, admin.quotaClasses().stream().filter(q -> q.code().equals(code)).findFirst()
                .orElseThrow());

        // In use, or the class of new accounts: not deleted, and the message says why.
        InvalidInputException inUse = assertThrows(InvalidInputException.class, () -> admin.deleteQuotaClass(code));
        assertEquals("quota.class.error.inUse", inUse.messageKey());
        assertEquals("1", inUse.argument());
        assertEquals("quota.class.error.default", assertThrows(InvalidInputException.class,
                () -> admin.deleteQuotaClass("standard")).messageKey());

        // Establishment administrators see and change no class.
        assertRefused(() -> otherEtabAdmin.quotaClasses());
        assertRefused(() -> otherEtabAdmin.updateQuotaClass(
                new QuotaClass(code, "Piratée", 100_000, 100, 0, 0)));
        assertRefused(() -> otherEtabAdmin.deleteQuotaClass(code));

        database.quotaClass(username, "standard");
        admin.deleteQuotaClass(code);
        assertTrue(admin.quotaClasses().stream().noneMatch(q -> q.code().equals(code)));
        assertEquals(1L, database.auditEntries("ADMIN_ACTION", "quota-class:" + code, "quota class " + code
                + " deleted: label 'Classe d'essai', storage 600 MB, attachments academy, archive 400 days"));
    }

    @Test
    void anAdministratorNamesAnEstablishmentAdministratorWhoseScopeAndRoleFollow() throws Exception {
        otherEtabAdmin.ensureOwnAccount(TestEnv.domain());
        String chief = AsOtherEtabAdmin.USERNAME;
        if (identity.findUser(chief).isEmpty()) {
            new KeycloakAdmin().createUser(chief, "Chef", "Autre", chief + "@" + TestEnv.domain(),
                    "Chef-autre-2026-" + UUID.randomUUID().toString().substring(0, 8), false);
        }
        String teacher = uniqueName("it.nomme");
        createUser(teacher, "Conseil-peda-2026-" + UUID.randomUUID().toString().substring(0, 8));
        etabAdmin.placeInEstablishment(teacher);
        assertEquals(0L, otherEtabAdmin.count(new AccountQuery(teacher, null, null)), "not theirs yet");
        long appointed = auditEntries(chief, "etab-admin of " + AsEtabAdmin.UAI + " (role granted)")
                + auditEntries(chief, "etab-admin of " + AsEtabAdmin.UAI);

        admin.appoint(" " + chief.toUpperCase() + " ", AsEtabAdmin.UAI.toLowerCase());

        assertTrue(admin.establishmentAdmins().stream().anyMatch(e -> e.username().equals(chief)
                && e.establishmentUai().equals(AsEtabAdmin.UAI)));
        assertTrue(realmRoles(chief).contains("etab-admin"), "the role reaches the token at the next sign-in");
        assertEquals(1L, otherEtabAdmin.count(new AccountQuery(teacher, null, null)), "now in their scope");
        assertEquals(appointed + 1, auditEntries(chief, "etab-admin of " + AsEtabAdmin.UAI + " (role granted)")
                + auditEntries(chief, "etab-admin of " + AsEtabAdmin.UAI));
        assertEquals("admin.etab.already", assertThrows(InvalidInputException.class,
                () -> admin.appoint(chief, AsEtabAdmin.UAI)).messageKey());
        assertEquals("admin.etab.unknownEstablishment", assertThrows(InvalidInputException.class,
                () -> admin.appoint(chief, "9999999Z")).messageKey());
        assertEquals("admin.etab.unknownAccount", assertThrows(InvalidInputException.class,
                () -> admin.appoint("personne.inconnue", AsEtabAdmin.UAI)).messageKey());
        assertRefused(() -> otherEtabAdmin.establishmentAdmins());
        assertRefused(() -> otherEtabAdmin.appoint(AsOtherEtabAdmin.USERNAME, "0990003Z"));
        assertRefused(() -> otherEtabAdmin.withdraw(AsOtherEtabAdmin.USERNAME, AsEtabAdmin.UAI));

        admin.withdraw(chief, AsEtabAdmin.UAI);

        assertEquals(0L, otherEtabAdmin.count(new AccountQuery(teacher, null, null)), "out of their scope again");
        assertFalse(realmRoles(chief).contains("etab-admin"), "the last establishment withdrawn takes the role");
        assertTrue(auditEntries(chief, "etab-admin of " + AsEtabAdmin.UAI + " withdrawn (role removed)") > 0);
        assertEquals("admin.etab.notAppointed", assertThrows(InvalidInputException.class,
                () -> admin.withdraw(chief, AsEtabAdmin.UAI)).messageKey());
    }

    private List<String> realmRoles(String username) {
        return identity.call(() -> identity.userResource(username).roles().realmLevel().listAll().stream()
                .map(r -> r.getName()).toList());
    }

    /**
     * A functional mailbox (issue 13, item 4; docs/adr/0105): made by the establishment's administrator, no password
     * anywhere (no Keycloak user; even an app password stored for it opens neither IMAP nor submission), delegated at
     * once to a member of the staff, who reads it under {@code shared/} in a plain IMAP client and sends on its
     * behalf; someone else's staff is refused, and an administrator of another establishment can neither create one
     * there nor delegate nor end one (crafted calls, nothing changed). Audited with both identities.
     */
    @Test
    void aFunctionalMailboxHasNoPasswordAndOnlyItsEstablishmentsAdministratorsOpenIt() throws Exception {
        fixture.ensureAccount(AsEtabAdmin.USERNAME, AsEtabAdmin.USERNAME + "@" + TestEnv.domain(), "Chef Etab");
        etabAdmin.placeInEstablishment(AsEtabAdmin.USERNAME);
        otherEtabAdmin.ensureOwnAccount(TestEnv.domain());
        String staff = uniqueName("it.secretaire");
        String staffAddress = staff + "@" + TestEnv.domain();
        fixture.ensureAccount(staff, staffAddress, "Sam Secrétaire");
        etabAdmin.placeInEstablishment(staff);
        String stranger = uniqueName("it.passant");
        fixture.ensureAccount(stranger, stranger + "@" + TestEnv.domain(), "Paul Passant");
        String local = uniqueName("secretariat").replace('-', '.');
        String functional = local + "@" + TestEnv.domain();

        InvalidInputException elsewhere = assertThrows(InvalidInputException.class,
                () -> otherEtabAdmin.createFunctional(local, "Secrétariat", AsEtabAdmin.UAI));
        assertEquals("identity.establishment.forbidden", elsewhere.messageKey());
        assertEquals("admin.functional.address.domain", assertThrows(InvalidInputException.class,
                () -> etabAdmin.createFunctional(local + "@exemple.org", "Secrétariat", AsEtabAdmin.UAI))
                .messageKey());
        assertFalse(database.accountExists(functional), "nothing created");

        etabAdmin.createFunctional(functional.toUpperCase(), " Secrétariat du collège ", AsEtabAdmin.UAI);
        assertEquals(List.of("Secrétariat du collège"), etabAdmin.functionalMailboxes().stream()
                .filter(f -> f.address().equals(functional)).map(FunctionalMailbox::displayName).toList());
        assertTrue(otherEtabAdmin.functionalMailboxes().stream().noneMatch(f -> f.address().equals(functional)));
        assertEquals("identity.username.taken", assertThrows(InvalidInputException.class,
                () -> admin.createFunctional(local, "Encore", AsEtabAdmin.UAI)).messageKey());
        assertEquals(1L, database.auditEntries(AuditAction.ACCOUNT_CREATED.name(), local,
                "functional mailbox " + functional + " of " + AsEtabAdmin.UAI));

        // No password of its own at any door: no Keycloak user (portal, password grant), and an app password
        // stored for it by mistake opens neither IMAP nor submission.
        assertTrue(identity.findUser(local).isEmpty(), "no Keycloak user");
        assertEquals(PasswordGrant.Outcome.REFUSED, PasswordGrant.check(local, "Secretariat-2026-!"));
        String slipped = appPassword(functional);
        assertThrows(AuthenticationFailedException.class,
                () -> ImapProbe.loginFrom(ImapProbe.anotherClientAddress(), functional, slipped).close());
        assertThrows(AuthenticationFailedException.class,
                () -> SmtpProbe.submit(functional, slipped, staffAddress, "Envoyé comme la boîte fonctionnelle"));
        assertEquals("admin.functional.noPassword", assertThrows(InvalidInputException.class,
                () -> admin.reissue(local)).messageKey());

        DelegationRights readAndSend = new DelegationRights(MailAccess.READ, true, AgendaAccess.NONE);
        assertEquals("delegation.colleague.notStaff", assertThrows(InvalidInputException.class,
                () -> etabAdmin.grantFunctional(functional, stranger, readAndSend, null)).messageKey());
        assertEquals("admin.functional.missing", assertThrows(NotFoundException.class,
                () -> otherEtabAdmin.grantFunctional(functional, staff, readAndSend, null)).messageKey());
        Delegation d = etabAdmin.grantFunctional(functional, staff, readAndSend, null);
        assertEquals(DelegationStatus.ACTIVE, d.status(), "in force at once: the establishment decides");
        assertEquals(AsEtabAdmin.USERNAME, d.grantedBy());
        assertEquals(1L, database.auditEntries(AuditAction.DELEGATION_GRANTED.name(), local, "delegation " + d.id()
                + " delegate=" + staff + " mail=read send=yes agenda=none (functional mailbox, in force at once)"));
        assertEquals(List.of(d.id()), etabAdmin.functionalDelegations().stream().map(Delegation::id)
                .filter(id -> id == d.id()).toList());
        assertTrue(otherEtabAdmin.functionalDelegations().stream().noneMatch(x -> x.id() == d.id()));
        assertEquals("delegation.missing", assertThrows(NotFoundException.class,
                () -> otherEtabAdmin.endFunctional(d.id())).messageKey());

        String subject = "Inscription en sixième " + UUID.randomUUID();
        SmtpProbe.sendFromOutside(functional, subject);
        try (ImapProbe mine = ImapProbe.loginFrom(ImapProbe.anotherClientAddress(), staffAddress,
                appPassword(staffAddress))) {
            assertEquals(1L, mine.awaitSubject("shared/" + functional + "/INBOX", subject, Duration.ofSeconds(30)),
                    "the staff member reads the functional mailbox under shared/ in a plain IMAP client");
        }
        SmtpProbe.submitOnBehalf(staffAddress, appPassword(staffAddress), functional, staffAddress, staffAddress,
                "Réponse du secrétariat");

        etabAdmin.endFunctional(d.id());
        assertEquals(1L, database.auditEntries(AuditAction.DELEGATION_ENDED.name(), local, "delegation " + d.id()
                + " delegate=" + staff + " mail=read send=yes agenda=none (by an administrator)"));
        assertTrue(etabAdmin.functionalDelegations().stream().noneMatch(x -> x.id() == d.id()));
    }

    /** The call is refused by the container's role check (not by a failure of another kind). */
    private static void assertRefused(org.junit.jupiter.api.function.Executable call) {
        Throwable e = assertThrows(EJBException.class, call);
        while (e != null && !(e instanceof EJBAccessException)) {
            e = e.getCause();
        }
        assertTrue(e instanceof EJBAccessException, "refused by role");
    }

    /** An action of the accounts page on one account. */
    private interface Action {
        void run(String username) throws Exception;
    }

    /** The text of the one message in a personal mailbox (waits for it). */
    private static String mailTo(String address) throws Exception {
        try (ImapProbe mailbox = ImapProbe.asMaster(address)) {
            assertEquals(1L, mailbox.awaitSubject("INBOX", ProvisionalPasswordMail.SUBJECT, Duration.ofSeconds(60)));
            return mailbox.text("INBOX", ProvisionalPasswordMail.SUBJECT);
        }
    }

    private static String passwordIn(String mail) {
        Matcher m = Pattern.compile("Mot de passe provisoire : (\\S+)\n").matcher(mail);
        assertTrue(m.find(), mail);
        assertTrue(mail.contains("Provisional password: " + m.group(1) + "\n"), "the same in English");
        return m.group(1);
    }

    private String createUser(String username, String password) throws Exception {
        String address = username + "@" + TestEnv.domain();
        fixture.ensureAccount(username, address, username);
        new KeycloakAdmin().createUser(username, "Test", "Compte", address, password, false);
        return address;
    }

    private static MimeMessage toSelf(Session session, String address, String subject) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(address));
        m.setRecipients(MimeMessage.RecipientType.TO, to(address));
        m.setSubject(subject, "UTF-8");
        m.setText("Bonjour", "UTF-8");
        return m;
    }

    private static InternetAddress[] to(String address) throws MessagingException {
        return new InternetAddress[] {new InternetAddress(address)};
    }

    /** An app password for the account, stored as the portal stores one (docs/adr/0070). */
    private String appPassword(String address) {
        String selector = "sus" + (100 + RANDOM.nextInt(900));
        String secret = selector + "-hjkmnp-qrstuv-wxyz23";
        database.addAppPassword(address, selector,
                "{SHA512-CRYPT}" + Sha2Crypt.sha512Crypt(secret.getBytes(StandardCharsets.UTF_8)));
        return secret;
    }

    private long auditEntries(String subject, String detail) {
        return database.auditEntries(AuditAction.ADMIN_ACTION.name(), subject, detail);
    }

    /** The storage limit Dovecot gives the mailbox at a new login, in kilobytes. */
    private static long storageLimitKb(String address) throws Exception {
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            for (Quota quota : ((IMAPStore) imap.store()).getQuota("INBOX")) {
                for (Quota.Resource resource : quota.resources) {
                    if ("STORAGE".equalsIgnoreCase(resource.name)) {
                        return resource.limit;
                    }
                }
            }
        }
        throw new AssertionError("no STORAGE quota");
    }

    private static String uniqueName(String prefix) {
        StringBuilder sb = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 6; i++) {
            sb.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return sb.toString();
    }
}
