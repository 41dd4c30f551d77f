package fr.preau.agenda;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The French words of the agenda's iMIP mail (docs/adr/0108): subjects and the text part beside the calendar part,
 * for readers whose client does not show the invitation. Pure logic.
 */
final class MeetingText {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.FRENCH);

    private MeetingText() {
    }

    /** "Invitation : …", "Mise à jour : …", "Annulé : …". */
    static String subject(String method, boolean update, String title) {
        String head = switch (method) {
            case Itip.CANCEL -> "Annulé";
            case Itip.REPLY -> "Réponse";
            default -> update ? "Mise à jour" : "Invitation";
        };
        return head + " : " + (title == null || title.isBlank() ? "(sans titre)" : title);
    }

    /** When, in words, Paris time: "mardi 20 octobre 2026, 17:00 – 18:30 (heure de Paris)". */
    static String when(LocalDateTime start, LocalDateTime end, boolean allDay) {
        if (allDay) {
            LocalDateTime last = end.minusDays(1);
            return last.toLocalDate().isAfter(start.toLocalDate())
                    ? "du " + DAY.format(start) + " au " + DAY.format(last) : DAY.format(start) + " (toute la journée)";
        }
        if (end.toLocalDate().equals(start.toLocalDate())) {
            return DAY.format(start) + ", " + HOUR.format(start) + " – " + HOUR.format(end) + " (heure de Paris)";
        }
        return DAY.format(start) + ", " + HOUR.format(start) + " – " + DAY.format(end) + ", " + HOUR.format(end)
                + " (heure de Paris)";
    }

    /** The text part of a REQUEST or CANCEL. */
    static String body(String method, String organizer, EventDraft d) {
        StringBuilder b = new StringBuilder();
        b.append(Itip.CANCEL.equals(method) ? organizer + " a annulé la réunion : "
                : organizer + " vous invite à la réunion : ").append(d.title()).append("\n\n");
        b.append("Quand : ").append(when(d.start(), d.allDay() ? d.end().plusDays(1) : d.end(), d.allDay()))
                .append('\n');
        if (d.location() != null) {
            b.append("Où : ").append(d.location()).append('\n');
        }
        if (d.description() != null && !Itip.CANCEL.equals(method)) {
            b.append('\n').append(d.description()).append('\n');
        }
        if (!Itip.CANCEL.equals(method)) {
            b.append("\nRépondez depuis votre messagerie (Préau, Thunderbird, Outlook ou votre téléphone).\n");
        }
        return b.toString();
    }

    /** The text part of a REPLY. */
    static String reply(String attendee, String partstat, String title) {
        String word = switch (partstat) {
            case "ACCEPTED" -> "a accepté";
            case "TENTATIVE" -> "a répondu « provisoire » à";
            default -> "a refusé";
        };
        return attendee + " " + word + " la réunion : " + title + "\n";
    }
}
