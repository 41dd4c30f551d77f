package fr.preau.identity;

import static fr.preau.identity.PasswordGrant.Outcome.PROVISIONAL;
import static fr.preau.identity.PasswordGrant.Outcome.REFUSED;
import static fr.preau.identity.PasswordGrant.Outcome.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import fr.preau.account.AccountService;
import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.mail.ComposeFixture;
import fr.preau.mail.MailFixture;
import fr.preau.settings.AcademySettings;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ReauthenticationRequiredException;
import fr.preau.testing.AsNightlyJob;
import fr.preau.testing.ItArchive;
import fr.preau.testing.KeycloakAdmin;
import fr.preau.testing.TestEnv;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The identity services in a real WildFly against the real Keycloak and PostgreSQL: accounts created with a
 * provisional password, unused provisional passwords expiring, the MFA rule for administrators, the user's own
 * password date, expiry banner and sessions; each audited action fires its event.
 */
@ExtendWith(ArquillianExtension.class)
class IdentityServicesIT {
    /** WildFly's RESTEasy client and Jackson, as ear/src/main/application/META-INF/jboss-deployment-structure.xml. */
    static final String MODULES = "org.eclipse.angus.mail, org.jboss.resteasy.resteasy-client services,"
            + " org.jboss.resteasy.resteasy-core services, org.jboss.resteasy.resteasy-jackson2-provider services,"
            + " com.fasterxml.jackson.core.jackson-core, com.fasterxml.jackson.core.jackson-databind,"
            + " com.fasterxml.jackson.core.jackson-annotations, com.fasterxml.jackson.datatype.jackson-datatype-jdk8,"
            + " com.fasterxml.jackson.datatype.jackson-datatype-jsr310";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("identity-it.war", MODULES);
    }

    @EJB
    private AsIdentityAdmin admin;

    @EJB
    private AsNightlyJob nightly;

    @EJB
    private ProvisionalPasswordExpiry expiry;

    @EJB
    private AsSecurityUser user;

    @EJB
    private AsEtabAdmin etabAdmin;

    @EJB
    private RecoveryFixture recoveryFixture;

    @EJB
    private ComposeFixture settings;

    @EJB
    private AccountService accounts;

    @EJB
    private AcademySettings settingsReader;

    @EJB
    private MailFixture fixture;

    @Inject
    private IdentityServer identity;

    @Inject
    private AuditRecorder audit;

    @Test
    void anAdministratorCreatesAnAccountWithAProvisionalPasswordThatMustBeChanged() throws Exception {
        String username = uniqueName("it.nouveau");
        ProvisionalPassword created = admin.create(username, "Noémie", "Nouveau", TestEnv.domain());

        assertEquals(username + "@" + TestEnv.domain(), created.address());
        assertTrue(accountRowExists(username), "account row in PostgreSQL");
        UserRepresentation kc = identity.user(username);
        assertEquals(List.of("UPDATE_PASSWORD"), kc.getRequiredActions());
        assertEquals(created.address(), kc.getEmail());
        // Right password, still provisional: Keycloak refuses mail clients until the first sign-in changes it.
        assertEquals(PROVISIONAL, PasswordGrant.check(created.address(), created.password()));
        assertEquals(REFUSED, PasswordGrant.check(created.address(), "Mauvais-mot-de-passe-1!"));
        assertTrue(audited(AuditAction.ACCOUNT_CREATED, username));
    }

    @Test
    void badOrTakenIdentifiersAreRefusedAndChangeNothing() throws Exception {
        InvalidInputException bad = assertThrows(InvalidInputException.class,
                () -> admin.create("Jean Dupont", "Jean", "Dupont", TestEnv.domain()));
        assertEquals("identity.username.invalid", bad.messageKey());
        assertFalse(accountRowExists("jean dupont"));

        String username = uniqueName("it.double");
        admin.create(username, "Dora", "Double", TestEnv.domain());
        InvalidInputException taken = assertThrows(InvalidInputException.class,
                () -> admin.create(username, "Dora", "Double", TestEnv.domain()));
        assertEquals("identity.username.taken", taken.messageKey());

        InvalidInputException noName = assertThrows(InvalidInputException.class,
                () -> admin.create(uniqueName("it.sansnom"), " ", "Sansnom", TestEnv.domain()));
        assertEquals("firstName", noName.field());
    }

    @Test
    void anEstablishmentAdministratorCannotTakeOverAnAcademyAdministratorOfTheirEstablishment() throws Exception {
        fixture.ensureAccount(AsEtabAdmin.USERNAME, AsEtabAdmin.USERNAME + "@" + TestEnv.domain(), "Chef Etab");
        etabAdmin.placeInEstablishment(AsEtabAdmin.USERNAME);
        String target = uniqueName("it.recteur");
        String password = "Recteur-2026-" + target.substring(target.length() - 6) + "!";
        String address = createUser(target, "Rémi", "Recteur", password);
        etabAdmin.placeInEstablishment(target);
        String id = identity.user(target).getId();
        identity.realm().users().get(id).roles().realmLevel()
                .add(List.of(identity.realm().roles().get("admin").toRepresentation()));
        try {
            InvalidInputException refused = assertThrows(InvalidInputException.class, () -> etabAdmin.reissue(target));
            assertEquals("identity.administrator.forbidden", refused.messageKey());
            assertEquals(VALID, PasswordGrant.check(address, password), "the administrator's password still works");
            assertFalse(identity.user(target).getRequiredActions().contains("UPDATE_PASSWORD"));

            // A teacher of the same establishment: the establishment administrator may.
            String teacher = uniqueName("it.prof");
            createUser(teacher, "Paul", "Prof", "Professeur-2026-mdp!");
            etabAdmin.placeInEstablishment(teacher);
            ProvisionalPassword issued = etabAdmin.reissue(teacher);
            assertEquals(PROVISIONAL, PasswordGrant.check(issued.address(), issued.password()));
        } finally {
            identity.realm().users().get(id).remove();
        }
    }

    @Test
    void anAccountIsCreatedOnlyInADomainOfTheAcademy() throws Exception {
        String username = uniqueName("it.ailleurs");
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> admin.create(username, "Alice", "Ailleurs", "attaquant.example"));
        assertEquals("identity.domain.invalid", refused.messageKey());
        assertFalse(accountRowExists(username));
        assertTrue(identity.findUser(username).isEmpty(), "no Keycloak user either");

        String other = uniqueName("it.ailleurs");
        fixture.ensureAccount(AsEtabAdmin.USERNAME, AsEtabAdmin.USERNAME + "@" + TestEnv.domain(), "Chef Etab");
        etabAdmin.placeInEstablishment(AsEtabAdmin.USERNAME);
        assertThrows(InvalidInputException.class, () -> etabAdmin.create(other, "gmail.com"));
        assertFalse(accountRowExists(other));
        ProvisionalPassword own = etabAdmin.create(other, null);
        assertEquals(other + "@" + TestEnv.domain(), own.address(), "no domain given: the academy's");
    }

    @Test
    void onlyAnAcademyAdministratorChangesAnAcademySetting() throws Exception {
        String name = ProvisionalPasswordExpiry.DAYS;
        assertThrows(jakarta.ejb.EJBAccessException.class, () -> etabAdmin.setting(name, "1"));
        assertThrows(jakarta.ejb.EJBAccessException.class, () -> user.setting(name, "1"));
        assertEquals(14, settingsReader.integer(name, 14), "unchanged");
    }

    @Test
    void verificationMailsOfARecoveryAddressAreLimitedPerHour() throws Exception {
        createUser(AsSecurityUser.USERNAME, "Sacha", "Securite", "Securite-2026-mdp!");
        String personal = "sacha.verif@" + RecoveryFixture.PERSONAL_DOMAIN;
        recoveryFixture.personalMailbox("it.perso.verif", personal);
        fixture.ensureAccount("ne-pas-repondre", "ne-pas-repondre@" + TestEnv.domain(), "Messagerie académique");
        settings.setting(RecoveryMailer.SENDER_SETTING, "ne-pas-repondre@" + TestEnv.domain());
        settings.setting(RecoveryAddressService.VERIFICATION_MAX_PER_HOUR, null);
        recoveryFixture.forgetVerifications(AsSecurityUser.USERNAME);

        for (int i = 0; i < 3; i++) {
            user.registerRecoveryAddress(personal);
        }
        InvalidInputException limited = assertThrows(InvalidInputException.class,
                () -> user.registerRecoveryAddress(personal));
        assertEquals("recovery.address.tooMany", limited.messageKey());
        assertEquals("3", limited.argument());
    }

    @Test
    void anUnusedProvisionalPasswordStopsWorkingAfterTheConfiguredDays() throws Exception {
        settings.setting(ProvisionalPasswordExpiry.DAYS, null);
        String unused = uniqueName("it.inutilise");
        ProvisionalPassword idle = admin.create(unused, "Inès", "Inutilisé", TestEnv.domain());
        String used = uniqueName("it.utilise");
        ProvisionalPassword active = admin.create(used, "Ugo", "Utilisé", TestEnv.domain());
        // Ugo signs in for the first time and chooses his password (what Keycloak's UPDATE_PASSWORD page does).
        String definitive = "Definitif-" + used.hashCode() + "-ok!";
        new KeycloakAdmin().setPassword(used, definitive);

        EJBException refused = assertThrows(EJBException.class, () -> admin.expireUnused(Instant.now()),
                "an administrator's page does not reach the nightly expiry");
        assertTrue(refused instanceof EJBAccessException || refused.getCause() instanceof EJBAccessException,
                refused.toString());
        nightly.call(() -> expiry.expireUnused(Instant.now().plus(Duration.ofDays(13))));
        assertEquals(PROVISIONAL, PasswordGrant.check(idle.address(), idle.password()),
                "13 days: the provisional password still works");

        assertTrue(nightly.call(() -> expiry.expireUnused(Instant.now().plus(Duration.ofDays(15)))) >= 1);
        assertEquals(REFUSED, PasswordGrant.check(idle.address(), idle.password()),
                "15 days unused: the provisional password no longer works");
        assertEquals(VALID, PasswordGrant.check(active.address(), definitive), "a used one is left alone");
        assertTrue(audited(AuditAction.ADMIN_ACTION, unused));

        // The administrator issues a new one: it works again (still provisional).
        ProvisionalPassword again = admin.reissue(unused);
        assertEquals(PROVISIONAL, PasswordGrant.check(idle.address(), again.password()));
    }

    @Test
    void theMfaRuleAsksAdministratorsWithoutSecondFactorToEnrol() throws Exception {
        String username = uniqueName("it.directeur");
        createUser(username, "Diane", "Directrice", "Directrice-2026-mdp!");
        String id = identity.user(username).getId();
        RoleRepresentation role = identity.realm().roles().get("etab-admin").toRepresentation();
        identity.realm().users().get(id).roles().realmLevel().add(List.of(role));
        try {
            admin.requireMfaForAdministrators(false);
            assertFalse(identity.user(username).getRequiredActions().contains("CONFIGURE_TOTP"));
            assertTrue(admin.requireMfaForAdministrators(true) >= 1);
            assertTrue(identity.user(username).getRequiredActions().contains("CONFIGURE_TOTP"));
        } finally {
            admin.requireMfaForAdministrators(false);
            settings.setting(MfaPolicy.REQUIRED_FOR_ADMINISTRATORS, null);
            identity.realm().users().get(id).remove();
        }
    }

    @Test
    void theUserSeesTheirPasswordDateExpiryAndSessionsAndEndsOne() throws Exception {
        String address = createUser(AsSecurityUser.USERNAME, "Sacha", "Securite", "Securite-2026-mdp!");
        assertTrue(user.passwordChangedAt().isPresent());
        assertTrue(user.mfaCredentials().isEmpty());
        try {
            settings.setting(AccountSecurityService.PASSWORD_EXPIRY_DAYS, null);
            assertTrue(user.passwordExpiresInDays().isEmpty(), "no expiry by default");
            settings.setting(AccountSecurityService.PASSWORD_EXPIRY_DAYS, "90");
            assertTrue(user.passwordExpiresInDays().isEmpty(), "far from expiry: no banner");
            settings.setting(AccountSecurityService.PASSWORD_EXPIRY_DAYS, "10");
            assertEquals(10, user.passwordExpiresInDays().getAsLong());
        } finally {
            settings.setting(AccountSecurityService.PASSWORD_EXPIRY_DAYS, null);
        }

        assertEquals(VALID, PasswordGrant.check(address, "Securite-2026-mdp!"));
        assertEquals(VALID, PasswordGrant.check(address, "Securite-2026-mdp!"));
        List<ActiveSession> sessions = user.sessions();
        assertEquals(2, sessions.size());
        assertTrue(sessions.get(0).clients().contains("dovecot"));
        assertEquals("127.0.0.1", sessions.get(0).ipAddress());

        user.endSession(sessions.get(0).id());
        assertEquals(1, user.sessions().size());
        assertTrue(audited(AuditAction.SESSION_REVOKED, AsSecurityUser.USERNAME));
        assertThrows(NotFoundException.class, () -> user.endSession(sessions.get(0).id()));
        // A session whose sign-in is an hour old (someone else at the computer) removes no second factor.
        assertThrows(ReauthenticationRequiredException.class, () -> user.removeMfaCredentialSignedInAt("not-mine",
                java.time.Instant.now().minus(java.time.Duration.ofHours(1))));
        assertThrows(NotFoundException.class, () -> user.removeMfaCredential("not-mine"));

        user.endAllSessions();
        assertTrue(user.sessions().isEmpty());
    }

    private boolean audited(AuditAction action, String subject) {
        return audit.events().stream().map(AuditEvent.class::cast)
                .anyMatch(e -> e.action() == action && subject.equals(e.subject()));
    }

    private static String uniqueName(String prefix) {
        StringBuilder sb = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 6; i++) {
            sb.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return sb.toString();
    }

    private boolean accountRowExists(String username) {
        return accounts.findEnabled(username).isPresent();
    }

    /** An account row and a Keycloak user with a definitive password (as TestUser does, from inside the server). */
    private String createUser(String username, String firstName, String lastName, String password) throws Exception {
        String address = username + "@" + TestEnv.domain();
        fixture.ensureAccount(username, address, firstName + " " + lastName);
        new KeycloakAdmin().createUser(username, firstName, lastName, address, password, false);
        return address;
    }
}
