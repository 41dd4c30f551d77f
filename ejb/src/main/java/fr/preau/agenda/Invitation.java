package fr.preau.agenda;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * The iMIP part of a message as the mail view shows it above the body (docs/adr/0108).
 *
 * @param method REQUEST, REPLY or CANCEL
 * @param title the meeting's title
 * @param start start (Europe/Paris wall clock; the cancelled occurrence's for a CANCEL of one), or null
 * @param end end, or null
 * @param allDay all day
 * @param location where, or null
 * @param organizer the organiser's address
 * @param repeat the meeting's repeat ({@link Repeat#NONE} when single or unknown)
 * @param occurrence the one occurrence a CANCEL names, or null
 * @param answer the caller's answer in their agenda (REQUEST), or null when not answered
 * @param inCalendar the meeting (with this UID, from this organiser) is in the caller's agenda
 * @param outdated the caller's agenda holds a later version than this message (REQUEST)
 * @param replier who answers (REPLY), or null
 * @param replyStatus their answer (REPLY), or null
 */
public record Invitation(String method, String title, LocalDateTime start, LocalDateTime end, boolean allDay,
        String location, String organizer, Repeat repeat, LocalDateTime occurrence, String answer, boolean inCalendar,
        boolean outdated, String replier, String replyStatus) implements Serializable {
}
