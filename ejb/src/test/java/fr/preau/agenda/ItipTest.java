package fr.preau.agenda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * iTIP texts of the agenda's meetings (pure logic, docs/adr/0108): REQUEST with the whole object and the organiser,
 * CANCEL of the event or of one occurrence, REPLY with only the attendee who answers; read back as a client would.
 */
class ItipTest {
    private static final Instant STAMP = Instant.parse("2026-10-01T10:00:00Z");
    private static final String ORG = "claire.martin@preau.invalid";

    private static EventObject meeting() {
        EventObject e = EventObject.create("m1", new EventDraft("Conseil pédagogique", false,
                LocalDateTime.of(2026, 10, 20, 17, 0), LocalDateTime.of(2026, 10, 20, 18, 30), "Salle B12", null, false,
                new Repeat(Frequency.WEEKLY, null, 3)), STAMP);
        return Itip.invite(e, ORG, "Claire Martin", List.of("paul.durand@preau.invalid", "ext@example.org"));
    }

    @Test
    void aRequestCarriesTheOrganiserAndEveryAttendeeWaitingForAnAnswer() {
        String text = Itip.request(meeting());
        assertTrue(text.contains("METHOD:REQUEST"), text);
        assertTrue(text.contains("BEGIN:VTIMEZONE"), "TZID=Europe/Paris defined for Outlook");
        Itip.Received r = Itip.read(text);
        assertEquals("REQUEST", r.method());
        assertEquals("m1", r.uid());
        assertEquals(0, r.sequence());
        assertEquals(ORG, r.organizer());
        assertEquals(Map.of("paul.durand@preau.invalid", "NEEDS-ACTION", "ext@example.org", "NEEDS-ACTION"),
                r.attendees());
        assertTrue(text.contains("RSVP=TRUE"), text);
        assertEquals(3, r.event().expand(LocalDateTime.of(2026, 10, 1, 0, 0), LocalDateTime.of(2026, 12, 1, 0, 0))
                .size(), "the series travels whole");
    }

    @Test
    void aReplyNamesOnlyTheAttendeeWhoAnswers() {
        EventObject e = meeting().withSequence(2);
        Itip.Received r = Itip.read(Itip.reply(e, "paul.durand@preau.invalid", "ACCEPTED", STAMP));
        assertEquals("REPLY", r.method());
        assertEquals(Map.of("paul.durand@preau.invalid", "ACCEPTED"), r.attendees());
        assertEquals(2, r.sequence());
        assertEquals(ORG, r.organizer());

        EventObject answered = Itip.withAnswer(e, "paul.durand@preau.invalid", "TENTATIVE");
        assertEquals("TENTATIVE", answered.attendees().get("paul.durand@preau.invalid"));
        assertEquals("NEEDS-ACTION", answered.attendees().get("ext@example.org"));
        assertTrue(Itip.sameForAttendees(e, answered), "an answer is no change for the others");
        EventObject kept = Itip.invite(answered, ORG, "Claire Martin", List.of("paul.durand@preau.invalid"));
        assertEquals(Map.of("paul.durand@preau.invalid", "TENTATIVE"), kept.attendees(), "answers kept, one removed");
    }

    @Test
    void aCancelOfOneOccurrenceNamesItAndAChangeOfPlaceIsAChangeForAttendees() {
        EventObject e = meeting().withSequence(1);
        Itip.Received whole = Itip.read(Itip.cancel(e, null, List.of("ext@example.org"), STAMP));
        assertEquals("CANCEL", whole.method());
        assertEquals(List.of("ext@example.org"), List.copyOf(whole.attendees().keySet()));
        assertEquals(1, whole.sequence());
        assertNull(whole.recurrenceId());
        String one = Itip.cancel(e, LocalDateTime.of(2026, 10, 27, 17, 0), List.of("ext@example.org"), STAMP);
        assertTrue(one.contains("RECURRENCE-ID;TZID=Europe/Paris:20261027T170000"), one);
        assertTrue(one.contains("STATUS:CANCELLED"), one);
        assertEquals(LocalDateTime.of(2026, 10, 27, 17, 0), Itip.read(one).recurrenceId());

        EventObject moved = e.withMaster(new EventDraft("Conseil pédagogique", false,
                LocalDateTime.of(2026, 10, 20, 17, 0), LocalDateTime.of(2026, 10, 20, 18, 30), "Salle C3", null, false,
                new Repeat(Frequency.WEEKLY, null, 3)), STAMP.plusSeconds(60));
        assertFalse(Itip.sameForAttendees(e, moved));
        assertEquals(e.attendees(), moved.attendees(), "an edit keeps the attendees");
    }
}
