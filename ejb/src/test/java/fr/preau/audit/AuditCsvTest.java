package fr.preau.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditCsvTest {
    @Test
    void anEntryIsOneLineInTheAcademysTimeZone() {
        AuditEntry entry = new AuditEntry(new AuditEvent(AuditAction.ADMIN_ACTION, "chef.etab", "marie.dupont", null,
                true, "quota class standard -> etendu", Instant.parse("2026-12-07T03:15:00Z")), "192.0.2.7");

        assertEquals("2026-12-07T04:15:00+01:00;ADMIN_ACTION;chef.etab;marie.dupont;192.0.2.7;réussi;"
                + "quota class standard -> etendu\r\n", AuditCsv.line(entry));
    }

    @Test
    void formulasAreDisarmedAndSeparatorsQuoted() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", AuditCsv.cell("=HYPERLINK(\"x\")"));
        assertEquals("'+33 6", AuditCsv.cell("+33 6"));
        assertEquals("'-1", AuditCsv.cell("-1"));
        assertEquals("'@SUM(A1)", AuditCsv.cell("@SUM(A1)"));
        assertEquals("\"Téléphone; perso\"", AuditCsv.cell("Téléphone; perso"));
        assertEquals("\"il a dit \"\"oui\"\"\"", AuditCsv.cell("il a dit \"oui\""));
        assertEquals("\"deux\nlignes\"", AuditCsv.cell("deux\nlignes"));
        assertEquals("", AuditCsv.cell(null));
        assertEquals("marie.dupont", AuditCsv.cell("marie.dupont"));
    }
}
