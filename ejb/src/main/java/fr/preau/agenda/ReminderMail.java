package fr.preau.agenda;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/**
 * The bytes of a reminder mail (pure logic, docs/adr/0111), built once when the reminder is claimed and submitted as
 * they are, so that a recovery finds the same Message-ID: a plain French text from the portal's system sender to
 * the owner, "Rappel : titre — jour à heure" (Europe/Paris).
 */
final class ReminderMail {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm", Locale.FRENCH);
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private ReminderMail() {
    }

    /** The Message-ID of the reminder of one occurrence: the same at every attempt. */
    static String messageId(long eventId, LocalDateTime occurrence, String domain) {
        return "<rappel-" + eventId + "-" + ID.format(occurrence) + "@" + domain + ">";
    }

    /** "Rappel : Conseil de classe — mardi 27 octobre 2026 à 17:30" ("toute la journée" for an all-day event). */
    static String subject(Occurrence o) {
        return "Rappel : " + o.title() + " — " + when(o);
    }

    /** The whole message. */
    static byte[] mime(Occurrence o, String messageId, String from, String to, String toName, String agendaLink,
            Instant date) {
        StringBuilder text = new StringBuilder("Rappel de votre agenda :\n\n").append(o.title()).append('\n')
                .append(when(o));
        if (!o.allDay()) {
            text.append(" – ").append(HOUR.format(o.end()));
        }
        text.append('\n');
        if (o.location() != null && !o.location().isBlank()) {
            text.append("Lieu : ").append(o.location()).append('\n');
        }
        if (agendaLink != null) {
            text.append("\nVotre agenda : ").append(agendaLink).append('\n');
        }
        text.append("\nCe message est envoyé automatiquement par la messagerie académique ; n'y répondez pas.\n");
        String headers = "Date: " + DATE.format(date.atOffset(ZoneOffset.UTC)) + "\r\n"
                + "From: " + word("Agenda — messagerie académique") + " <" + from + ">\r\n"
                + "To: " + word(toName) + " <" + to + ">\r\n"
                + "Subject: " + word(subject(o)) + "\r\n"
                + "Message-ID: " + messageId + "\r\n"
                + "Auto-Submitted: auto-generated\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n";
        String body = Base64.getMimeEncoder().encodeToString(text.toString().replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        return (headers + body + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String when(Occurrence o) {
        String day = DAY.format(o.start());
        return o.allDay() ? day + " (toute la journée)" : day + " à " + HOUR.format(o.start());
    }

    /** An RFC 2047 encoded word per 30 characters (each stays under 76 once encoded). */
    private static String word(String text) {
        StringBuilder out = new StringBuilder();
        String rest = text.replaceAll("[\\r\\n]+", " ");
        while (!rest.isEmpty()) {
            int cut = Math.min(rest.length(), 30);
            if (Character.isHighSurrogate(rest.charAt(cut - 1)) && cut < rest.length()) {
                cut++;
            }
            if (out.length() > 0) {
                out.append("\r\n ");
            }
            out.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(rest.substring(0, cut)
                    .getBytes(StandardCharsets.UTF_8))).append("?=");
            rest = rest.substring(cut);
        }
        return out.toString();
    }
}
