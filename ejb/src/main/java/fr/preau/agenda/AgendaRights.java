package fr.preau.agenda;

import fr.preau.account.Account;
import fr.preau.delegation.AgendaAccess;
import fr.preau.delegation.DelegationRights;
import fr.preau.delegation.Delegations;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The agenda's one answer to "what may this person see or do in that calendar" (AGD-2; docs/adr/0106): the owner
 * everything; anyone else the higher of the owner's grants on that calendar (to the person, {@code agenda_share};
 * to a list they are a member of or to their establishment, {@code agenda_share_group}) and of the agenda right of
 * a delegation in force, asked of {@link Delegations} (the one permission check of ADR 0103); every other colleague
 * free/busy. Every service of the agenda asks here, and only here.
 */
@ApplicationScoped
public class AgendaRights {
    @Inject
    private CalendarRows calendars;

    @EJB
    private Delegations delegations;

    /** The level of {@code actor} in {@code calendar}. */
    CalendarLevel level(Account actor, CalendarRow calendar) {
        if (actor.getId() == calendar.accountId()) {
            return CalendarLevel.OWNER;
        }
        CalendarLevel granted = calendars.shareLevel(calendar.id(), actor.getId()).map(CalendarLevel::of)
                .orElse(CalendarLevel.BUSY).max(calendars.groupLevel(calendar.id(), actor.getId(),
                        actor.getEstablishmentUai()).map(CalendarLevel::of).orElse(CalendarLevel.BUSY));
        AgendaAccess delegated = delegations.rights(actor.getUsername(), calendar.ownerUsername())
                .map(DelegationRights::agenda).orElse(AgendaAccess.NONE);
        return granted.max(switch (delegated) {
            case NONE -> CalendarLevel.BUSY;
            case READ -> CalendarLevel.DETAILS;
            case EDIT -> CalendarLevel.EDIT;
        });
    }

    /**
     * What a person at {@code level} may see of an occurrence of {@code event}: all of it, or its times only (below
     * {@link CalendarLevel#DETAILS}, and for a private event or occurrence of someone else whatever their level).
     */
    static AgendaEntry entry(CalendarLevel level, long eventId, long calendarId, Occurrence o, EventObject event) {
        if (!level.seesDetails() || ((o.privateEvent() || event.isPrivate()) && level != CalendarLevel.OWNER)) {
            return AgendaEntry.busy(eventId, calendarId, o);
        }
        return AgendaEntry.detailed(eventId, calendarId, o, event.repeat(), level.mayEdit());
    }

    /** Whether {@code level} may change an event whose master is {@code privateEvent}. */
    static boolean mayChange(CalendarLevel level, boolean privateEvent) {
        return level.mayEdit() && (!privateEvent || level == CalendarLevel.OWNER);
    }
}
