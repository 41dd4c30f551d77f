package fr.preau.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import fr.preau.settings.admin.SettingCatalog;
import fr.preau.settings.admin.SettingDefinition;
import org.junit.jupiter.api.Test;

/** Every setting of the settings page has its label and help, in French and in English; bounds read as typed. */
class SettingsViewTest {

    @Test
    void everySettingHasItsLabelHelpAndGroupInBothLanguages() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties messages = load(bundle);
            for (SettingDefinition d : SettingCatalog.ALL) {
                for (String key : List.of("settings." + d.name() + ".label", "settings." + d.name() + ".help",
                        "settings.group." + d.group(), "settings.error." + d.kind().name().toLowerCase()
                                .replace("job_hour", "jobHour"))) {
                    assertTrue(messages.containsKey(key), bundle + ": " + key);
                }
            }
        }
    }

    @Test
    void durationBoundsReadInDaysWhenWholeDays() {
        SettingDefinition expiry = SettingCatalog.find("mail.large-file.expiry").orElseThrow();
        assertEquals("PT1H", SettingsView.bound(expiry, expiry.min()));
        assertEquals("P365D", SettingsView.bound(expiry, expiry.max()));
        SettingDefinition retention = SettingCatalog.find("audit.retention-days").orElseThrow();
        assertEquals("180", SettingsView.bound(retention, retention.min()));
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = SettingsViewTest.class.getResourceAsStream("/fr/preau/web/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
