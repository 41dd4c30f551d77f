package fr.preau.settings.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import fr.preau.jobs.NightlySchedule;
import fr.preau.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The settings page's catalogue and the checks of typed values (issue 11, item 4; docs/adr/0094). */
class SettingCatalogTest {

    @Test
    void everyDefaultPassesItsOwnCheckAndEveryNameIsListedOnce() {
        Set<String> names = new HashSet<>();
        for (SettingDefinition d : SettingCatalog.ALL) {
            assertTrue(names.add(d.name()), "listed twice: " + d.name());
            assertEquals(d.defaultValue(), d.normalise(d.defaultValue()), d.name());
        }
        for (String job : NightlySchedule.JOBS.keySet()) {
            assertEquals(SettingKind.JOB_HOUR, SettingCatalog.find(NightlySchedule.setting(job)).orElseThrow().kind());
        }
    }

    @Test
    void numbersAreWholeAndWithinTheirBounds() {
        SettingDefinition retention = SettingCatalog.find("audit.retention-days").orElseThrow();
        assertEquals("400", retention.normalise(" 400 "));
        assertEquals("180", retention.normalise("180"));
        for (String bad : new String[] {"179", "36501", "3.5", "un an", "", "99999999999999999999"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> retention.normalise(bad), bad);
            assertEquals("settings.error.integer", e.messageKey());
            assertEquals("audit.retention-days", e.field());
            assertEquals(bad.trim(), e.argument());
        }
    }

    @Test
    void durationsAreIso8601WithinTheirBounds() {
        SettingDefinition expiry = SettingCatalog.find("mail.large-file.expiry").orElseThrow();
        assertEquals("P7D", expiry.normalise("p7d"));
        assertEquals("PT1H", expiry.normalise("PT1H"));
        for (String bad : new String[] {"PT59M", "P366D", "30 jours", "30"}) {
            assertEquals("settings.error.duration",
                    assertThrows(InvalidInputException.class, () -> expiry.normalise(bad), bad).messageKey());
        }
    }

    @Test
    void hoursBooleansAndAddressesAreCheckedAndNormalised() {
        SettingDefinition start = SettingCatalog.find("mail.disconnect.start").orElseThrow();
        assertEquals("21:30", start.normalise("21:30"));
        for (String bad : new String[] {"24:00", "9:30", "21h30", "off"}) {
            assertEquals("settings.error.time",
                    assertThrows(InvalidInputException.class, () -> start.normalise(bad), bad).messageKey());
        }
        SettingDefinition job = SettingCatalog.find(NightlySchedule.setting("audit-purge")).orElseThrow();
        assertEquals("off", job.normalise("OFF"));
        assertEquals("04:05", job.normalise("04:05"));
        assertEquals("settings.error.jobHour",
                assertThrows(InvalidInputException.class, () -> job.normalise("4h")).messageKey());
        SettingDefinition weekends = SettingCatalog.find("mail.disconnect.weekends").orElseThrow();
        assertEquals("false", weekends.normalise("FALSE"));
        assertEquals("settings.error.boolean",
                assertThrows(InvalidInputException.class, () -> weekends.normalise("non")).messageKey());
        SettingDefinition report = SettingCatalog.find("mail.report.address").orElseThrow();
        assertEquals("cellule.securite@ac-preau.fr", report.normalise(" Cellule.Securite@AC-Preau.fr "));
        for (String bad : new String[] {"securite", "a@b", "x@y.fr\r\nBcc: z@w.fr", "a b@c.fr"}) {
            assertEquals("settings.error.address",
                    assertThrows(InvalidInputException.class, () -> report.normalise(bad), bad).messageKey());
        }
    }
}
