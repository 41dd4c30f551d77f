package fr.preau.batch.expiry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.EnumSet;

import fr.preau.identity.PasswordExpiry.Outcome;
import fr.preau.shared.Component;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.ejb.EJBException;
import org.junit.jupiter.api.Test;

/** Which failures skip an account and which stop the job (docs/adr/0095), and the exit status. */
class ExpiryWriterTest {
    @Test
    void aServerThatDoesNotAnswerStopsTheStep() {
        assertTrue(ExpiryWriter.serverDown(new ServiceUnavailableException(Component.IDENTITY, new IOException())));
        assertTrue(ExpiryWriter.serverDown(new EJBException(new RuntimeException(new java.sql.SQLException()))));
    }

    @Test
    void aFailureOfTheAccountItselfSkipsIt() {
        assertFalse(ExpiryWriter.serverDown(new ServiceUnavailableException(Component.MAIL_TRANSPORT,
                new InvalidInputException("to", "compose.error.recipient", "x"))), "its address refused");
        assertFalse(ExpiryWriter.serverDown(new IllegalStateException("Keycloak refused the update")));
    }

    @Test
    void theExitStatusAddsUpAndNamesTheSkippedAccounts() {
        ExpiryCounts counts = new ExpiryCounts();
        counts.reviewed(EnumSet.of(Outcome.PASSWORD_WARNED));
        counts.reviewed(EnumSet.of(Outcome.PASSWORD_WARNED, Outcome.SUSPENDED));
        counts.reviewed(EnumSet.noneOf(Outcome.class));
        counts.skipped("anne.martin");
        assertEquals("REVIEWED 3 PASSWORD_WARNED 2 PASSWORD_EXPIRED 0 INACTIVITY_WARNED 0 SUSPENDED 1 SKIPPED 1"
                + " [anne.martin]", counts.exitStatus());
    }
}
