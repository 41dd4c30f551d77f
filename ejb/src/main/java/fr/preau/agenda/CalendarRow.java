package fr.preau.agenda;

/**
 * A row of {@code agenda_calendar} with its owner.
 *
 * @param id id
 * @param accountId the owner's account
 * @param ownerUsername the owner's identifier
 * @param ownerAddress the owner's address
 * @param ownerName the owner's name
 * @param uid stable identifier (the CalDAV collection's name to come)
 * @param name name
 * @param colour {@code #rrggbb}
 * @param isDefault the owner's first calendar
 * @param readOnly the school holidays' calendar (docs/adr/0110): its events are the academy's, nobody changes them
 */
record CalendarRow(long id, long accountId, String ownerUsername, String ownerAddress, String ownerName, String uid,
        String name, String colour, boolean isDefault, boolean readOnly) {
}
