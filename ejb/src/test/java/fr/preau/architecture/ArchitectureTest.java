package fr.preau.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.preau.shared.Repository;
import org.junit.jupiter.api.Test;

/**
 * The shape of the EJB module (issue 10, ADR 0085): no cycle between its packages, Jakarta Mail only in the mail
 * store's adapter {@code fr.preau.mail.imap}, the environment read in one place.
 */
class ArchitectureTest {
    private static final JavaClasses EJB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("fr.preau");

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("fr.preau.(**)").should().beFreeOfCycles().check(EJB);
    }

    @Test
    void onlyTheMailStoreAdapterKnowsJakartaMail() {
        noClasses().that().resideOutsideOfPackage("fr.preau.mail.imap..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..", "org.eclipse.angus..")
                .check(EJB);
    }

    @Test
    void onlyMailboxAccessMakesAContext() {
        noClasses().that().doNotHaveFullyQualifiedName("fr.preau.mail.MailboxAccess")
                .should().callConstructorWhere(DescribedPredicate.describe("a MailboxContext constructor",
                        call -> call.getTargetOwner().getName().equals("fr.preau.mail.MailboxContext")))
                .check(EJB);
    }

    @Test
    void onlyDeploymentReadsTheEnvironment() {
        ENVIRONMENT_READ_ONLY_BY_DEPLOYMENT.check(EJB);
    }

    /**
     * A mailbox is opened for an account without anyone signed in only by the background jobs' services (nightly
     * archiving, ADR 0092; quota sweep, ADR 0093; scheduled sends, ADR 0050): {@code MailboxAccess.forJob} is open to
     * every caller in the server, so no page may reach it.
     */
    @Test
    void onlyTheNightlyJobsOpenAMailboxForAnAccount() {
        noClasses().that()
                .resideOutsideOfPackages("fr.preau.mail.archive..", "fr.preau.mail.quota..", "fr.preau.mail.schedule..")
                .should().callMethod("fr.preau.mail.MailboxAccess", "forJob", "java.lang.String")
                .check(EJB);
    }

    /** Only the delegation registry opens an owner's mailbox to set or remove a delegate's rights (ADR 0103). */
    @Test
    void onlyTheDelegationRegistryOpensAnOwnersMailboxForItsDelegate() {
        noClasses().that().resideOutsideOfPackages("fr.preau.delegation..")
                .should().callMethod("fr.preau.mail.MailboxAccess", "forDelegation", "java.lang.String")
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
        noClasses().that().resideOutsideOfPackage("fr.preau.mail.imap..")
                .should().dependOnClassesThat().resideInAPackage("fr.preau.mail.imap..")
                .check(EJB);
    }

    /**
     * The SQL of a feature lives in its repositories ({@code @Repository}), not in its services (issue 10, item 2):
     * nothing else holds an {@code EntityManager} or a JDBC {@code DataSource}. No exception is left.
     */
    @Test
    void onlyRepositoriesRunSql() {
        noClasses().that().areNotAnnotatedWith(Repository.class)
                .should().dependOnClassesThat().areAssignableTo(jakarta.persistence.EntityManager.class)
                .orShould().dependOnClassesThat().areAssignableTo(javax.sql.DataSource.class)
                .check(EJB);
    }
}
