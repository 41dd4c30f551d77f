package fr.preau.batch.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.util.List;

import fr.preau.shared.Component;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.ejb.EJBException;
import org.junit.jupiter.api.Test;

class ArchiveWriterTest {
    @Test
    void aMailboxTheStoreRefusesOrAnAccountGoneIsSkipped() {
        assertTrue(ArchiveWriter.mailboxAtFault(new ServiceUnavailableException(Component.MAIL_STORE,
                new Exception("A1 NO [SERVERBUG] Internal error occurred"))));
        assertTrue(ArchiveWriter.mailboxAtFault(new EJBException(new NotFoundException("account.missing", "x"))));
    }

    @Test
    void aServerThatDoesNotAnswerStopsTheStepInsteadOfSkippingEveryMailbox() {
        assertFalse(ArchiveWriter.mailboxAtFault(new ServiceUnavailableException(Component.MAIL_STORE,
                new Exception("Connection refused", new ConnectException("Connection refused")))));
        assertFalse(ArchiveWriter.mailboxAtFault(new ServiceUnavailableException(Component.DATABASE, null)));
        assertFalse(ArchiveWriter.mailboxAtFault(new EJBException(new IllegalStateException("bug"))));
    }

    @Test
    void theExitStatusAddsUpThePartitionsAndNamesTenSkippedMailboxesAtMost() {
        ArchiveCounts total = ArchiveCounts.none().plus(new ArchiveCounts(3, 120, List.of("a@x")))
                .plus(new ArchiveCounts(2, 30, List.of("b@x", "c@x", "d@x", "e@x", "f@x", "g@x", "h@x", "i@x",
                        "j@x", "k@x")));
        assertEquals("ARCHIVED 150 ACCOUNTS 5 SKIPPED 11 [a@x, b@x, c@x, d@x, e@x, f@x, g@x, h@x, i@x, j@x]",
                total.exitStatus());
        assertEquals("ARCHIVED 0 ACCOUNTS 0 SKIPPED 0", ArchiveCounts.none().exitStatus());
    }
}
