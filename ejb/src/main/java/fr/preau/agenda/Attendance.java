package fr.preau.agenda;

import java.io.Serializable;

/**
 * One attendee of a meeting as the organiser's dialog lists them.
 *
 * @param address the address (lower case)
 * @param status ACCEPTED, TENTATIVE, DECLINED or NEEDS-ACTION ("accepté / provisoire / refusé / en attente")
 */
public record Attendance(String address, String status) implements Serializable {
}
