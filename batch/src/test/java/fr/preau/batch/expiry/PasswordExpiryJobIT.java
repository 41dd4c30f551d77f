package fr.preau.batch.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import fr.preau.delegation.AgendaAccess;
import fr.preau.delegation.AsDelegationAdmin;
import fr.preau.delegation.AsDelegationDelegate;
import fr.preau.delegation.AsDelegationOwner;
import fr.preau.delegation.AsDelegationStranger;
import fr.preau.delegation.Delegation;
import fr.preau.delegation.DelegationFixture;
import fr.preau.delegation.DelegationRights;
import fr.preau.delegation.MailAccess;
import fr.preau.delegation.SharedFolders;
import fr.preau.delegation.registry.DelegationTerms;
import fr.preau.identity.AccountSecurityService;
import fr.preau.identity.IdentityServer;
import fr.preau.identity.PasswordGrant;
import fr.preau.identity.PasswordExpiry;
import fr.preau.identity.RecoveryMailer;
import fr.preau.mail.MailFixture;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.ItArchive;
import fr.preau.testing.KeycloakAdmin;
import fr.preau.testing.SmtpProbe;
import fr.preau.testing.TestEnv;
import fr.preau.testing.WildFlyRestart;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.mail.AuthenticationFailedException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The nightly job password-expiry in a real WildFly against the real Keycloak, PostgreSQL, Dovecot and Postfix
 * (issue 11, JOB-3; docs/adr/0095), its clock given by the job parameter {@code now}: warnings at J-15, J-7 and J-1
 * each mailed once, UPDATE_PASSWORD set in Keycloak at expiry; an account without any sign-in warned, then
 * suspended once its notice period is over (IMAP refused, mail still delivered), while a sign-in over IMAP or in
 * the portal keeps an account active and a system mailbox (no Keycloak user) is left alone; a stopped execution
 * restarted from its checkpoint mails each warning once. The other nightly job about accounts, delegation-expiry,
 * is tested here too (one deployment less): delegations past their end are ended once and their folders closed.
 */
@ExtendWith(ArquillianExtension.class)
class PasswordExpiryJobIT {
    private static final String JOB = "password-expiry";
    private static final String SENDER = "ne-pas-repondre";
    private static final Duration MAIL = Duration.ofSeconds(60);

    @EJB
    private ExpiryFixture fixture;

    @EJB
    private MailFixture mail;

    @Inject
    private IdentityServer identity;

    @EJB
    private DelegationFixture delegations;

    @EJB
    private AsDelegationOwner asOwner;

    @EJB
    private AsDelegationDelegate asDelegate;

    @EJB
    private AsDelegationAdmin asAdmin;

    private final KeycloakAdmin keycloak = new KeycloakAdmin();
    private final String run = "it.expiry." + UUID.randomUUID().toString().substring(0, 6) + ".";

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("password-expiry-it.war").deleteClass(WildFlyRestart.class)
                .addAsResource("META-INF/batch-jobs/password-expiry.xml")
                .addAsResource("META-INF/batch-jobs/delegation-expiry.xml");
    }

    @BeforeEach
    void sender() {
        mail.ensureAccount(SENDER, SENDER + "@" + TestEnv.domain(), "Messagerie académique");
        fixture.setting(RecoveryMailer.SENDER_SETTING, SENDER + "@" + TestEnv.domain());
    }

    @AfterEach
    void policiesOff() {
        fixture.setting(AccountSecurityService.PASSWORD_EXPIRY_DAYS, null);
        fixture.setting(PasswordExpiry.INACTIVITY_DAYS, null);
    }

    @Test
    void eachWarningOnceThenTheNextSignInAsksForANewPassword() throws Exception {
        fixture.setting(AccountSecurityService.PASSWORD_EXPIRY_DAYS, "90");
        String username = run + "mdp";
        String password = "Rentree-des-classes-2026-" + UUID.randomUUID();
        String address = account(username, 0, password);
        Instant created = Instant.now();

        assertEquals(0, outcome(runJob(created.plus(Duration.ofDays(60)), 20), "PASSWORD_WARNED"), "too early");
        long first = runJob(created.plus(Duration.ofDays(76)), 20);
        assertEquals(1, outcome(first, "PASSWORD_WARNED"), stepExit(first));
        assertEquals(0, outcome(runJob(created.plus(Duration.ofDays(76)), 20), "PASSWORD_WARNED"), "same night");
        assertEquals(1, outcome(runJob(created.plus(Duration.ofDays(84)), 20), "PASSWORD_WARNED"), "J-7");
        assertEquals(1, outcome(runJob(created.plus(Duration.ofDays(89).plusHours(12)), 20), "PASSWORD_WARNED"));
        assertTrue(identity.user(username).getRequiredActions().isEmpty(), "not yet expired");
        assertEquals(PasswordGrant.Outcome.VALID, PasswordGrant.check(username, password));

        Instant expired = created.plus(Duration.ofDays(90).plusHours(1));
        assertEquals(1, outcome(runJob(expired, 20), "PASSWORD_EXPIRED"));
        assertEquals(List.of("UPDATE_PASSWORD"), identity.user(username).getRequiredActions(),
                "Keycloak asks for a new password at the next sign-in");
        assertEquals(PasswordGrant.Outcome.PROVISIONAL, PasswordGrant.check(username, password),
                "the password is right, but Keycloak (and so IMAP) wants a new one first: Account is not fully set up");
        long again = runJob(expired, 20);
        assertEquals(0, outcome(again, "PASSWORD_EXPIRED") + outcome(again, "PASSWORD_WARNED"), stepExit(again));

        try (ImapProbe inbox = ImapProbe.asMaster(address)) {
            String last = "Votre mot de passe a expiré";
            assertEquals(1, inbox.awaitSubject("INBOX", last, MAIL), "the last mail arrives");
            List<String> subjects = inbox.subjects("INBOX");
            for (String subject : List.of("Votre mot de passe expire dans 15 jours",
                    "Votre mot de passe expire dans 7 jours", "Votre mot de passe expire demain", last)) {
                assertEquals(1, subjects.stream().filter(subject::equals).count(), subject + " in " + subjects);
            }
            assertEquals(4, subjects.size(), subjects.toString());
        }
        assertEquals(1, fixture.auditEntries(PasswordExpiry.JOB, username, "password expired"));
    }

    @Test
    void aPasswordOlderThanALifetimeJustSwitchedOnIsWarnedBeforeItExpires() throws Exception {
        fixture.setting(AccountSecurityService.PASSWORD_EXPIRY_DAYS, "90");
        String username = run + "ancien";
        String address = account(username, 0, "Conseil-de-classe-2026-" + UUID.randomUUID());
        Instant switchedOn = Instant.now().plus(Duration.ofDays(200));

        long first = runJob(switchedOn, 20);
        assertEquals(0, outcome(first, "PASSWORD_EXPIRED"), "never without notice: " + stepExit(first));
        assertEquals(1, outcome(first, "PASSWORD_WARNED"), stepExit(first));
        assertEquals(1, outcome(runJob(switchedOn.plus(Duration.ofDays(13)), 20), "PASSWORD_WARNED"), "J-1");
        assertTrue(identity.user(username).getRequiredActions().isEmpty(), "not yet");
        long expired = runJob(switchedOn.plus(Duration.ofDays(14).plusHours(1)), 20);
        assertEquals(1, outcome(expired, "PASSWORD_EXPIRED"), "two weeks after the first warning");
        try (ImapProbe inbox = ImapProbe.asMaster(address)) {
            assertEquals(1, inbox.awaitSubject("INBOX", "Votre mot de passe a expiré", MAIL));
            assertEquals(1, inbox.awaitSubject("INBOX", "Votre mot de passe expire dans 15 jours", MAIL));
        }
    }

    @Test
    void anAccountUnusedIsWarnedThenSuspendedWhileSignInsKeepOthersActive() throws Exception {
        fixture.setting(PasswordExpiry.INACTIVITY_DAYS, "30");
        String password = "Conseil-pedagogique-2026-" + UUID.randomUUID();
        String idle = run + "dormant";
        String idleAddress = account(idle, 20, password);
        String imap = run + "imap";
        String imapAddress = account(imap, 20, password);
        String portal = run + "portail";
        account(portal, 20, password);
        String system = run + "systeme";
        fixture.account(system, system + "@" + TestEnv.domain(), 20);
        Instant now = Instant.now();
        try (ImapProbe signedIn = ImapProbe.login(imapAddress, password)) {
            assertNotNull(fixture.lastSignIn(imap), "an IMAP login with the account password counts");
        }
        fixture.signedInToThePortal(portal);
        assertNotNull(fixture.lastSignIn(portal), "a portal sign-in counts");
        assertNull(fixture.lastSignIn(idle));

        long warned = runJob(now.plus(Duration.ofDays(1)), 20);
        assertEquals(1, outcome(warned, "INACTIVITY_WARNED"), "only the account unused for 21 days: "
                + stepExit(warned));
        assertEquals(0, outcome(runJob(now.plus(Duration.ofDays(1)), 20), "INACTIVITY_WARNED"), "same night");
        long early = runJob(now.plus(Duration.ofDays(10).plusHours(1)), 20);
        assertEquals(0, outcome(early, "SUSPENDED"), "30 days passed, but the notice period of 15 days did not");
        assertNull(fixture.suspendedBy(idle));

        long suspended = runJob(now.plus(Duration.ofDays(16).plusHours(1)), 20);
        assertEquals(1, outcome(suspended, "SUSPENDED"), stepExit(suspended));
        assertEquals(2, outcome(suspended, "INACTIVITY_WARNED"), "the others' turn to be warned");
        assertEquals(PasswordExpiry.JOB, fixture.suspendedBy(idle));
        assertEquals(1, fixture.auditEntries(PasswordExpiry.JOB, idle, "suspended"));
        assertFalse(identity.user(idle).isEnabled(), "no portal sign-in");
        assertThrows(AuthenticationFailedException.class,
                () -> ImapProbe.loginFrom(ImapProbe.anotherClientAddress(), idleAddress, password).close());
        assertNull(fixture.suspendedBy(imap));
        assertNull(fixture.suspendedBy(portal));
        assertNull(fixture.suspendedBy(system), "a system mailbox (no Keycloak user) is never warned nor suspended");

        String later = "Courrier après la suspension " + UUID.randomUUID();
        SmtpProbe.sendFromOutside(idleAddress, later);
        try (ImapProbe inbox = ImapProbe.asMaster(idleAddress)) {
            assertEquals(1, inbox.awaitSubject("INBOX", later, MAIL), "mail still delivered");
            assertEquals(1, inbox.subjects("INBOX").stream()
                    .filter("Votre compte sera suspendu faute de connexion"::equals).count(), "warned once");
        }
    }

    @Test
    void aStoppedRunRestartsFromItsCheckpointAndMailsEachWarningOnce() throws Exception {
        fixture.setting(AccountSecurityService.PASSWORD_EXPIRY_DAYS, "90");
        List<String> users = List.of(run + "a", run + "b", run + "c", run + "d");
        for (String user : users) {
            account(user, 0, "Vie-scolaire-2026-" + UUID.randomUUID());
        }
        Instant night = Instant.now().plus(Duration.ofDays(80));
        JobOperator jobs = BatchRuntime.getJobOperator();
        long started = jobs.start(JOB, parameters(night, 1));
        jobs.stop(started);
        assertEquals(BatchStatus.STOPPED, awaitEnd(started).getBatchStatus());
        int before = outcome(started, "PASSWORD_WARNED");
        assertTrue(before < users.size(), "stopped before the end: " + stepExit(started));

        long restarted = jobs.restart(started, parameters(night, 1));
        assertEquals(BatchStatus.COMPLETED, awaitEnd(restarted).getBatchStatus());
        assertEquals(users.size(), outcome(restarted, "PASSWORD_WARNED"), "counts go on: " + stepExit(restarted));
        assertEquals(users.size() - before, outcome(restarted, "REVIEWED") - before,
                "each account reviewed once over both executions: " + stepExit(restarted));
        for (String user : users) {
            try (ImapProbe inbox = ImapProbe.asMaster(user + "@" + TestEnv.domain())) {
                assertEquals(1, inbox.awaitSubject("INBOX", "Votre mot de passe expire dans 15 jours", MAIL),
                        user);
            }
        }
    }

    @Test
    void delegationsPastTheirEndAreEndedOnceTheirFoldersClosedAndASecondRunChangesNothing() throws Exception {
        String owner = AsDelegationOwner.USERNAME;
        String delegate = AsDelegationDelegate.USERNAME;
        delegations.accounts(List.of(owner, delegate, AsDelegationStranger.USERNAME));
        delegations.reset(List.of(owner, delegate, AsDelegationStranger.USERNAME));
        LocalDate today = LocalDate.now(DelegationTerms.ZONE);
        DelegationRights read = new DelegationRights(MailAccess.READ, false, AgendaAccess.NONE);
        Delegation active = asOwner.grant(delegate, read, today);
        asDelegate.accept(active.id());
        Delegation pending = asOwner.grant(AsDelegationStranger.USERNAME, read, today);
        Delegation open = asDelegate.grant(owner, read, null);
        try (ImapProbe mine = ImapProbe.asMaster(DelegationFixture.address(delegate))) {
            assertTrue(SharedFolders.listed(mine, DelegationFixture.address(owner)).contains("INBOX"));
        }

        Instant night = today.plusDays(1).atTime(0, 15).atZone(DelegationTerms.ZONE).toInstant();
        long first = runDelegationExpiry(night);
        assertTrue(expiryExit(first).matches("ENDED [0-9]+ FAILED 0"), expiryExit(first));
        assertTrue(Integer.parseInt(expiryExit(first).split(" ")[1]) >= 2, expiryExit(first));
        for (Delegation d : List.of(active, pending)) {
            assertEquals("ended", delegations.status(d.id())[0]);
            assertNull(delegations.status(d.id())[1], "ended by the job, no one signed in");
            assertEquals(1, delegations.audited("DELEGATION_ENDED", null, owner, d.id()));
        }
        assertEquals("pending", delegations.status(open.id())[0], "no end date: left alone");
        try (ImapProbe mine = ImapProbe.asMaster(DelegationFixture.address(delegate))) {
            assertEquals(List.of(), SharedFolders.listed(mine, DelegationFixture.address(owner)), "folders closed");
        }

        long second = runDelegationExpiry(night);
        assertEquals("ENDED 0 FAILED 0", expiryExit(second));
        assertEquals(1, delegations.audited("DELEGATION_ENDED", null, owner, active.id()), "audited once");
    }

    /**
     * A member of the staff who leaves the establishment (the HR import moves their account, or an administrator
     * does) loses its functional mailboxes (docs/adr/0105): refused at use at once, then ended by the next run (IMAP
     * rights gone, audited, both sides mailed), while a colleague who stays keeps theirs; a second run changes nothing.
     */
    @Test
    void aDelegateWhoLeavesTheEstablishmentLosesItsFunctionalMailboxesAtTheNextRun() throws Exception {
        String leaver = run + "partant";
        String stayer = run + "restant";
        String uai = "0990005M";
        delegations.accounts(List.of(AsDelegationAdmin.USERNAME, AsDelegationOwner.USERNAME, leaver, stayer));
        delegations.placeIn(leaver, uai);
        delegations.placeIn(stayer, uai);
        mail.resetMailbox(DelegationFixture.address(leaver));
        String functional = asAdmin.createFunctional(run + "vie-scolaire", "Vie scolaire", uai).address();
        DelegationRights read = new DelegationRights(MailAccess.READ, false, AgendaAccess.NONE);
        Delegation gone = asAdmin.grantFunctional(functional, leaver, read);
        Delegation kept = asAdmin.grantFunctional(functional, stayer, read);
        try (ImapProbe mine = ImapProbe.asMaster(DelegationFixture.address(leaver))) {
            assertTrue(SharedFolders.listed(mine, functional).contains("INBOX"));
        }

        delegations.placeIn(leaver, "0990006N");
        assertTrue(asOwner.rights(leaver, functional).isEmpty(), "refused at use before the job runs");
        assertTrue(asOwner.rights(stayer, functional).isPresent());
        long first = runDelegationExpiry(Instant.now());
        assertTrue(expiryExit(first).matches("ENDED [1-9][0-9]* FAILED 0"), expiryExit(first));
        assertEquals("ended", delegations.status(gone.id())[0]);
        assertEquals("active", delegations.status(kept.id())[0], "a colleague who stays keeps it");
        String local = functional.substring(0, functional.indexOf('@'));
        assertEquals(1, delegations.audited("DELEGATION_ENDED", null, local, gone.id()));
        try (ImapProbe mine = ImapProbe.asMaster(DelegationFixture.address(leaver))) {
            assertEquals(List.of(), SharedFolders.listed(mine, functional), "rights taken back");
            assertEquals(1, mine.awaitSubject("INBOX", "Fin de délégation / Delegation ended : Vie scolaire → "
                    + DelegationFixture.displayName(leaver), MAIL), "the delegate is told");
        }
        try (ImapProbe mine = ImapProbe.asMaster(DelegationFixture.address(stayer))) {
            assertTrue(SharedFolders.listed(mine, functional).contains("INBOX"), "the colleague's stay");
        }
        assertEquals("ENDED 0 FAILED 0", expiryExit(runDelegationExpiry(Instant.now())));
        assertEquals(1, delegations.audited("DELEGATION_ENDED", null, local, gone.id()), "ended once");
    }

    private long runDelegationExpiry(Instant now) throws InterruptedException {
        Properties p = new Properties();
        p.setProperty("now", now.toString());
        long execution = BatchRuntime.getJobOperator().start("delegation-expiry", p);
        assertEquals(BatchStatus.COMPLETED, awaitEnd(execution).getBatchStatus(), expiryExit(execution));
        return execution;
    }

    private static String expiryExit(long execution) {
        return BatchRuntime.getJobOperator().getStepExecutions(execution).stream()
                .filter(s -> "expire".equals(s.getStepName())).map(StepExecution::getExitStatus).findFirst()
                .orElse("");
    }

    /** An account of this run with its Keycloak user and a definitive password; its mailbox empty. */
    private String account(String username, int daysAgo, String password) throws Exception {
        String address = username + "@" + TestEnv.domain();
        fixture.account(username, address, daysAgo);
        keycloak.createUser(username, "Test", "Expiration", address, password, false);
        mail.resetMailbox(address);
        return address;
    }

    private Properties parameters(Instant now, int itemCount) {
        Properties p = new Properties();
        p.setProperty("now", now.toString());
        p.setProperty("accounts", run + "%");
        p.setProperty("itemCount", Integer.toString(itemCount));
        return p;
    }

    private long runJob(Instant now, int itemCount) throws InterruptedException {
        long execution = BatchRuntime.getJobOperator().start(JOB, parameters(now, itemCount));
        assertEquals(BatchStatus.COMPLETED, awaitEnd(execution).getBatchStatus(), stepExit(execution));
        return execution;
    }

    private static JobExecution awaitEnd(long execution) throws InterruptedException {
        JobOperator jobs = BatchRuntime.getJobOperator();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        JobExecution result = jobs.getJobExecution(execution);
        while (result.getEndTime() == null && System.nanoTime() < deadline) {
            Thread.sleep(100);
            result = jobs.getJobExecution(execution);
        }
        return result;
    }

    /** The exit status of the step "accounts": {@code REVIEWED n PASSWORD_WARNED a …}. */
    private static String stepExit(long execution) {
        for (StepExecution step : BatchRuntime.getJobOperator().getStepExecutions(execution)) {
            if ("accounts".equals(step.getStepName())) {
                return step.getExitStatus();
            }
        }
        return "";
    }

    private static int outcome(long execution, String name) {
        String[] words = stepExit(execution).split(" ");
        for (int i = 0; i + 1 < words.length; i++) {
            if (words[i].equals(name)) {
                return Integer.parseInt(words[i + 1]);
            }
        }
        throw new AssertionError(name + " not in " + stepExit(execution));
    }
}
