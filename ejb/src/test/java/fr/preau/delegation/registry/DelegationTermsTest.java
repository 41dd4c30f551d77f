package fr.preau.delegation.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;

import fr.preau.delegation.AgendaAccess;
import fr.preau.delegation.Delegation;
import fr.preau.delegation.DelegationRights;
import fr.preau.delegation.DelegationStatus;
import fr.preau.delegation.MailAccess;
import fr.preau.mail.FolderRights;
import fr.preau.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class DelegationTermsTest {
    private static final Instant EVENING_IN_PARIS = Instant.parse("2026-03-12T23:30:00Z");

    @Test
    void theLastDayHoldsUntilMidnightInParisWinterAndSummer() {
        assertEquals(Instant.parse("2026-03-12T23:00:00Z"), DelegationTerms.endsAt(LocalDate.of(2026, 3, 12),
                Instant.parse("2026-03-01T08:00:00Z")));
        assertEquals(Instant.parse("2026-07-14T22:00:00Z"), DelegationTerms.endsAt(LocalDate.of(2026, 7, 14),
                Instant.parse("2026-07-01T08:00:00Z")));
        assertEquals(LocalDate.of(2026, 7, 14), DelegationTerms.lastDay(Instant.parse("2026-07-14T22:00:00Z")));
        assertNull(DelegationTerms.endsAt(null, EVENING_IN_PARIS));
        assertNull(DelegationTerms.lastDay(null));
    }

    @Test
    void aDayBeforeTodayInParisIsRefusedTodayIsNot() {
        // 23:30 UTC on 12 March is already 00:30 on the 13th in Paris: the 12th is past.
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DelegationTerms.endsAt(LocalDate.of(2026, 3, 12), EVENING_IN_PARIS));
        assertEquals("until", e.field());
        assertEquals("delegation.until.past", e.messageKey());
        assertEquals(Instant.parse("2026-03-13T23:00:00Z"),
                DelegationTerms.endsAt(LocalDate.of(2026, 3, 13), EVENING_IN_PARIS));
    }

    @Test
    void aDelegationMustGiveSomethingAndMapsToFolderRights() {
        assertEquals("delegation.rights.none", assertThrows(InvalidInputException.class, () -> DelegationTerms
                .checked(new DelegationRights(MailAccess.NONE, false, AgendaAccess.NONE))).messageKey());
        assertThrows(InvalidInputException.class, () -> DelegationTerms.checked(null));
        DelegationRights sendOnly = new DelegationRights(null, true, null);
        assertEquals(sendOnly, DelegationTerms.checked(sendOnly));
        assertNull(DelegationTerms.folderRights(MailAccess.NONE));
        assertEquals(FolderRights.READ, DelegationTerms.folderRights(MailAccess.READ));
        assertEquals(FolderRights.READ_AND_FILE, DelegationTerms.folderRights(MailAccess.FILE));
    }

    @Test
    void onlyAnAcceptedDelegationBeforeItsEndIsInForce() {
        Instant end = Instant.parse("2026-03-13T23:00:00Z");
        Delegation active = delegation(DelegationStatus.ACTIVE, end);
        assertEquals(true, active.inForceAt(end.minusSeconds(1)));
        assertEquals(false, active.inForceAt(end), "the end instant is already out");
        assertEquals(false, delegation(DelegationStatus.PENDING, null).inForceAt(end));
        assertEquals(true, delegation(DelegationStatus.ACTIVE, null).inForceAt(end));
    }

    private static Delegation delegation(DelegationStatus status, Instant endsAt) {
        return new Delegation(1, 2, "owner", "owner@ac-preau.fr", "Owner", 3, "delegate", "delegate@ac-preau.fr",
                "Delegate", new DelegationRights(MailAccess.READ, false, AgendaAccess.NONE), status, Instant.EPOCH,
                "owner", null, endsAt, null, null, "delegate@ac-preau.fr");
    }
}
