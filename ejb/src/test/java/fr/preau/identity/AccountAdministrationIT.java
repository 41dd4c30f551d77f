package fr.preau.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import fr.preau.audit.AuditAction;
import fr.preau.mail.MailFixture;
import fr.preau.shared.InvalidInputException;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.ItArchive;
import fr.preau.testing.KeycloakAdmin;
import fr.preau.testing.SmtpProbe;
import fr.preau.testing.TestEnv;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Quota;
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
 * password, submission) and still receives its mail; reactivated, it signs in again; homonyms get numbered
 * identifiers; a quota class change is Dovecot's quota at the next login; an establishment administrator of another
 * establishment is refused every action and changes nothing.
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

    @Test
    void aSuspendedAccountSignsInNowhereButStillReceivesMail() throws Exception {
        String username = uniqueName("it.suspendu");
        String password = "Conseil-de-classe-2026-" + UUID.randomUUID().toString().substring(0, 8) + "!";
        String address = createUser(username, password);
        String appPassword = appPassword(address);
        try (ImapProbe before = ImapProbe.login(address, appPassword)) {
            assertTrue(before.subjects("INBOX").isEmpty());

            admin.suspend(username);

            assertTrue(before.awaitClosedByServer(Duration.ofSeconds(10)),
                    "the IMAP session opened before the suspension is closed by Dovecot");
        }

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
        try (ImapProbe mailbox = ImapProbe.asMaster(address)) {
            assertEquals(1, mailbox.awaitSubject("INBOX", subject, Duration.ofSeconds(30)), "still delivered");
        }
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
                u -> otherEtabAdmin.changeQuotaClass(u, "etendu"), otherEtabAdmin::reissue)) {
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
    }

    /** An action of the accounts page on one account. */
    private interface Action {
        void run(String username) throws Exception;
    }

    private String createUser(String username, String password) throws Exception {
        String address = username + "@" + TestEnv.domain();
        fixture.ensureAccount(username, address, username);
        new KeycloakAdmin().createUser(username, "Test", "Compte", address, password, false);
        return address;
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
