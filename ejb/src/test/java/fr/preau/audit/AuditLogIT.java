package fr.preau.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.preau.identity.AppPassword;
import fr.preau.identity.NewAppPassword;
import fr.preau.mail.MailFixture;
import fr.preau.shared.InvalidInputException;
import fr.preau.testing.AsNightlyJob;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.ItArchive;
import fr.preau.testing.SmtpProbe;
import fr.preau.testing.TestEnv;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.mail.AuthenticationFailedException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit log in a real WildFly against the real PostgreSQL, and app passwords against the real Dovecot and
 * Postfix: each audited action writes its entry, failures survive a rollback, the table refuses changes, the
 * nightly purge keeps the retention, and an app password works for IMAP and SMTP until it is revoked.
 */
@ExtendWith(ArquillianExtension.class)
class AuditLogIT {
    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("audit-it.war");
    }

    @EJB
    private AuditFixture fixture;

    @EJB
    private AsAuditUser user;

    @EJB
    private AsNightlyJob nightly;

    @EJB
    private AsAuditAdmin admin;

    @EJB
    private MailFixture mail;

    private String run;

    @BeforeEach
    void account() {
        run = UUID.randomUUID().toString().substring(0, 8);
        mail.ensureAccount(AsAuditUser.USERNAME, address(), "Alix Audit");
    }

    private static String address() {
        return AsAuditUser.USERNAME + "@" + TestEnv.domain();
    }

    @Test
    void everyAuditedActionFiredAsAnEventIsWrittenWithActorSubjectIpAndOutcome() {
        String actor = "it.acteur." + run;
        for (AuditAction action : AuditAction.values()) {
            fixture.fire(AuditEvent.of(action, actor, "it.sujet." + run, "198.51.100.7", true, "détail " + action));
        }
        fixture.fire(AuditEvent.of(AuditAction.SIGN_IN, actor, actor, "198.51.100.8", false, "mot de passe faux"));

        List<AuditEntry> entries = admin.search(new AuditQuery(actor, null, null, null, null));
        assertEquals(AuditAction.values().length + 1, entries.size());
        for (AuditAction action : AuditAction.values()) {
            AuditEntry entry = entries.stream().filter(e -> e.getAction() == action && e.isSuccess()).findFirst()
                    .orElseThrow(() -> new AssertionError("no entry for " + action));
            assertEquals(actor, entry.getActor());
            assertEquals("it.sujet." + run, entry.getSubject());
            assertEquals("198.51.100.7", entry.getIp());
            assertEquals("détail " + action, entry.getDetail());
            assertNotNull(entry.getAt());
        }
        assertEquals(1, admin.count(new AuditQuery(actor, AuditAction.SIGN_IN, null, null, false)));
    }

    @Test
    void aFailureIsWrittenEvenWhenTheBusinessTransactionRollsBackButNotASuccess() {
        String actor = "it.rollback." + run;
        assertThrows(EJBException.class, () -> fixture.fireThenFail(
                AuditEvent.of(AuditAction.PASSWORD_CHANGED, actor, actor, null, false, "refusé")));
        assertThrows(EJBException.class, () -> fixture.fireThenFail(
                AuditEvent.of(AuditAction.MFA_CHANGED, actor, actor, null, true, "annulé")));

        List<AuditEntry> entries = admin.search(new AuditQuery(actor, null, null, null, null));
        assertEquals(1, entries.size(), "only the failure stays");
        assertEquals(AuditAction.PASSWORD_CHANGED, entries.get(0).getAction());
        assertFalse(entries.get(0).isSuccess());
    }

    @Test
    void theLogRefusesChangesAndDeletionsButThePurgeRemovesOnlyWhatIsOlderThanTheRetention() {
        String actor = "it.retention." + run;
        fixture.insertDated(actor, Instant.now().minus(Duration.ofDays(400)));
        fixture.insertDated(actor, Instant.now().minus(Duration.ofDays(30)));

        assertThrows(EJBException.class, () -> fixture.updateAll(actor));
        assertThrows(EJBException.class, () -> fixture.deleteAll(actor));
        assertEquals(2, fixture.countByActor(actor));

        EJBException refused = assertThrows(EJBException.class, () -> fixture.purge(), "only the nightly job purges");
        assertTrue(refused instanceof EJBAccessException || refused.getCause() instanceof EJBAccessException,
                refused.toString());
        assertEquals(2, fixture.countByActor(actor));
        assertTrue(nightly.call(fixture::purge) >= 1);
        assertEquals(1, fixture.countByActor(actor), "the 30-day-old entry stays, the 400-day-old one is gone");
    }

    @Test
    void anAdministratorSearchesByUserActionDateRangeAndOutcome() {
        String actor = "it.recherche." + run;
        fixture.fire(AuditEvent.of(AuditAction.SIGN_IN, actor, actor, null, true, null));
        fixture.fire(AuditEvent.of(AuditAction.SIGN_OUT, actor, actor, null, true, null));
        fixture.fire(AuditEvent.of(AuditAction.SESSION_REVOKED, "it.admin", actor, null, true, null));

        assertEquals(3, admin.count(new AuditQuery(actor.toUpperCase(), null, null, null, null)),
                "as actor or subject, case-insensitive");
        assertEquals(1, admin.count(new AuditQuery(actor, AuditAction.SIGN_OUT, null, null, true)));
        Instant now = Instant.now();
        assertEquals(3, admin.count(new AuditQuery(actor, null, now.minusSeconds(600), now.plusSeconds(60), null)));
        assertEquals(0, admin.count(new AuditQuery(actor, null, now.plusSeconds(60), null, null)));
    }

    @Test
    void anAppPasswordWorksForImapAndSmtpRecordsItsUseAndStopsAtOnceWhenRevoked() throws Exception {
        String device = "Thunderbird " + run;
        NewAppPassword created = user.createAppPassword("  " + device + "  ");
        assertEquals(device, created.name());
        assertTrue(created.password().matches("[a-z2-9]{6}(-[a-z2-9]{6}){3}"), created.password());

        try (ImapProbe client = ImapProbe.login(address(), created.password())) {
            assertNotNull(client.subjects("INBOX"));
        }
        SmtpProbe.submit(address(), created.password(), address(), "Envoyé avec un mot de passe d'application " + run);
        assertThrows(AuthenticationFailedException.class,
                () -> ImapProbe.login(address(), created.password().substring(0, 20) + "zzzzzz").close());

        AppPassword listed = user.appPasswords().stream().filter(p -> p.getId() == created.id()).findFirst()
                .orElseThrow();
        assertEquals(device, listed.getName());
        assertNotNull(listed.getLastUsedAt(), "Dovecot stamped the last use");
        InvalidInputException taken = assertThrows(InvalidInputException.class,
                () -> user.createAppPassword(device.toUpperCase()));
        assertEquals("apppassword.name.taken", taken.messageKey());
        assertEquals("apppassword.name.required",
                assertThrows(InvalidInputException.class, () -> user.createAppPassword("   ")).messageKey());

        user.revokeAppPassword(created.id());
        assertThrows(AuthenticationFailedException.class,
                () -> ImapProbe.login(address(), created.password()).close());
        assertTrue(user.appPasswords().stream().noneMatch(p -> p.getId() == created.id()));

        List<AuditEntry> mine = user.myActivity();
        assertTrue(mine.stream().anyMatch(e -> e.getAction() == AuditAction.APP_PASSWORD_CREATED
                && device.equals(e.getDetail()) && AsAuditUser.USERNAME.equals(e.getActor()) && e.isSuccess()));
        assertTrue(mine.stream().anyMatch(e -> e.getAction() == AuditAction.APP_PASSWORD_REVOKED
                && device.equals(e.getDetail())));
        assertTrue(mine.stream().allMatch(e -> AsAuditUser.USERNAME.equals(e.getActor())
                || AsAuditUser.USERNAME.equals(e.getSubject())), "a user sees only their own entries");
        assertNull(mine.stream().filter(e -> e.getActor() != null && e.getActor().startsWith("it.acteur."))
                .findFirst().orElse(null));
    }
}
