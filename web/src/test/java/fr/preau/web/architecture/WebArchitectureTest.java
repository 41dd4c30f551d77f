package fr.preau.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import fr.preau.shared.Repository;
import org.junit.jupiter.api.Test;

/**
 * The web module reads its configuration through {@code fr.preau.shared.Deployment} only, its pages reach the
 * signed-in user's mailbox only, and the database through the services only (issue 10, ADR 0085).
 */
class WebArchitectureTest {
    private static final JavaClasses WEB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("fr.preau.web");

    @Test
    void pagesReachOnlyTheSignedInUsersMailbox() {
        // own, and the mailboxes delegated to the signed-in user (checked by MailboxAccess, docs/adr/0104).
        java.util.Set<String> callers = java.util.Set.of("own", "current", "select", "delegatedMailboxes");
        noClasses().should().callMethodWhere(DescribedPredicate.describe("MailboxAccess.forJob or system",
                call -> call.getTargetOwner().getName().equals("fr.preau.mail.MailboxAccess")
                        && !callers.contains(call.getName())))
                .check(WEB);
    }

    @Test
    void onlyDeploymentReadsTheEnvironment() {
        noClasses().should().callMethod(System.class, "getenv", String.class)
                .orShould().callMethod(System.class, "getenv")
                .orShould().callMethod(System.class, "getProperty", String.class)
                .orShould().callMethod(System.class, "getProperty", String.class, String.class)
                .check(WEB);
    }

    /** Pages reach the database through the services, which check who may act; never a repository directly. */
    @Test
    void pagesReachNoRepository() {
        noClasses().should().dependOnClassesThat().areAnnotatedWith(Repository.class).check(WEB);
    }
}
