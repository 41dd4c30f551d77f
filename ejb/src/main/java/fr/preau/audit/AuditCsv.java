package fr.preau.audit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The audit log as a spreadsheet opens it (docs/adr/0090): UTF-8 with a byte-order mark, semicolons (French
 * spreadsheets), one entry per line, dates in the academy's time zone with their offset. A value that a spreadsheet
 * would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab, carriage return first: a device name or an
 * identifier typed by anyone) is prefixed with an apostrophe; quotes, semicolons and line breaks are quoted.
 */
public final class AuditCsv {
    /** The byte-order mark that makes spreadsheets read UTF-8. */
    public static final String BOM = "\uFEFF";
    public static final String HEADER = "date;action;auteur;compte;adresse IP;résultat;détail\r\n";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_OFFSET_DATE_TIME
            .withZone(ZoneId.of("Europe/Paris"));

    private AuditCsv() {
    }

    /** One entry as a CSV line, CRLF ended. */
    public static String line(AuditEntry entry) {
        return String.join(";", DATE.format(entry.getAt()), entry.getAction().name(), cell(entry.getActor()),
                cell(entry.getSubject()), cell(entry.getIp()), entry.isSuccess() ? "réussi" : "échec",
                cell(entry.getDetail())) + "\r\n";
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(";") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
