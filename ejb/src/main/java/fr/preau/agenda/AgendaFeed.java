package fr.preau.agenda;

import java.util.Optional;

import fr.preau.mail.largefile.LinkToken;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * A calendar's private subscription address, read without a portal session (issue 14, item 4; docs/adr/0109):
 * whoever holds the token (256 random bits, looked up by its SHA-256) reads that one calendar as a subscriber
 * reads it: read-only, with the details of its events but private ones as busy ("Occupé"), as a colleague granted
 * "voir les détails" would. An unknown, malformed or revoked token gives nothing.
 */
@Stateless
@PermitAll
@ServiceBoundary
public class AgendaFeed {
    @Inject
    private SubscriptionRows subscriptions;

    @Inject
    private CalendarRows calendars;

    @Inject
    private EventRows events;

    /** The calendar of token {@code token}, empty when there is none. */
    public Optional<CalendarFile> read(String token) {
        if (!LinkToken.wellFormed(token)) {
            return Optional.empty();
        }
        return subscriptions.calendarOf(LinkToken.hash(token)).flatMap(calendars::one)
                .map(c -> CalendarFile.of(c, events.ofCalendar(c.id()), CalendarLevel.DETAILS));
    }
}
