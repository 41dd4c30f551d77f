package fr.preau.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceRule;
import org.junit.jupiter.api.Test;

/**
 * The shape of the EJB module (issue 10, ADR 0085): no cycle between its packages, Jakarta Mail only in the mail
 * store's adapter {@code fr.preau.mail.imap}, the environment read in one place. The dependencies listed in
 * {@link #KNOWN_CYCLES} and {@link #KNOWN_JAKARTA_MAIL} are the ones that remain from before the {@code Mailbox} port;
 * each step of the port removes some, and nothing may be added to them.
 */
class ArchitectureTest {
    private static final JavaClasses EJB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("fr.preau");

    /** An edge of a package cycle that is still there: from this class to that package. */
    private record Known(String origin, String targetPackage) {
    }

    private static final List<Known> KNOWN_CYCLES = List.of(
            new Known("fr.preau.account.AppPasswordService", "fr.preau.identity"),
            new Known("fr.preau.mail.ComposeService", "fr.preau.mail.compose"),
            new Known("fr.preau.mail.ComposeService", "fr.preau.mail.imap"),
            new Known("fr.preau.mail.SignatureService", "fr.preau.mail.compose"),
            new Known("fr.preau.mail.OutgoingMessage", "fr.preau.mail.compose"),
            new Known("fr.preau.mail.AttachmentSource", "fr.preau.mail.compose"),
            new Known("fr.preau.mail.ReceiptService", "fr.preau.mail.imap"));

    private static final Set<String> KNOWN_JAKARTA_MAIL = Set.of(
            "fr.preau.identity.RecoveryMailer",
            "fr.preau.mail.compose.MessageBuilder",
            "fr.preau.mail.compose.MessageParts",
            "fr.preau.mail.schedule.ScheduledMime");

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        SliceRule rule = slices().matching("fr.preau.(**)").should().beFreeOfCycles();
        for (Known known : KNOWN_CYCLES) {
            rule = rule.ignoreDependency(
                    DescribedPredicate.describe(known.origin(), (JavaClass c) -> c.getName().equals(known.origin())
                            || c.getName().startsWith(known.origin() + "$")),
                    DescribedPredicate.describe(known.targetPackage(),
                            (JavaClass c) -> c.getPackageName().equals(known.targetPackage())));
        }
        rule.check(EJB);
    }

    @Test
    void onlyTheMailStoreAdapterKnowsJakartaMail() {
        noClasses().that().resideOutsideOfPackage("fr.preau.mail.imap..")
                .and(DescribedPredicate.describe("not yet moved behind the port",
                        (JavaClass c) -> !KNOWN_JAKARTA_MAIL.contains(c.getName().split("\\$")[0])))
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.eclipse.angus..")
                .check(EJB);
    }

    @Test
    void onlyDeploymentReadsTheEnvironment() {
        ENVIRONMENT_READ_ONLY_BY_DEPLOYMENT.check(EJB);
    }

    /**
     * A mailbox is opened for an account without anyone signed in only by the nightly jobs' services (ADR 0092):
     * {@code MailboxAccess.forJob} is open to every caller in the server, so no page may reach it.
     */
    @Test
    void onlyTheNightlyJobsOpenAMailboxForAnAccount() {
        noClasses().that().resideOutsideOfPackage("fr.preau.mail.archive..")
                .should().callMethod("fr.preau.mail.MailboxAccess", "forJob", "java.lang.String")
                .check(EJB);
    }

    /** Environment variables and system properties are read in {@code fr.preau.shared.Deployment} only. */
    static final com.tngtech.archunit.lang.ArchRule ENVIRONMENT_READ_ONLY_BY_DEPLOYMENT = noClasses()
            .that().doNotHaveFullyQualifiedName("fr.preau.shared.Deployment")
            .should().callMethod(System.class, "getenv", String.class)
            .orShould().callMethod(System.class, "getenv")
            .orShould().callMethod(System.class, "getProperty", String.class)
            .orShould().callMethod(System.class, "getProperty", String.class, String.class);

    @Test
    void servicesReachTheMailStoreThroughThePortOnly() {
        noClasses().that().resideInAPackage("fr.preau.mail")
                .and(DescribedPredicate.describe("not a known edge", (JavaClass c) -> KNOWN_CYCLES.stream()
                        .noneMatch(k -> k.origin().equals(c.getName().split("\\$")[0])
                                && k.targetPackage().equals("fr.preau.mail.imap"))))
                .should().dependOnClassesThat().resideInAPackage("fr.preau.mail.imap..")
                .check(EJB);
    }
}
