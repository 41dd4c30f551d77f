package fr.preau.mail.schedule;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

import fr.preau.settings.AcademySettings;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/**
 * The academy's quiet hours, read from its settings (names documented in the README):
 * {@code mail.disconnect.enabled} (true), {@code mail.disconnect.start} (20:00), {@code mail.disconnect.end}
 * (07:00), {@code mail.disconnect.morning} (07:30), {@code mail.disconnect.weekends} (true),
 * {@code mail.disconnect.holidays} (true).
 */
@Stateless
@PermitAll
public class DisconnectPolicy {
    @EJB
    private AcademySettings settings;

    public QuietHours quietHours() {
        return new QuietHours(settings.time("mail.disconnect.start", LocalTime.of(20, 0)),
                settings.time("mail.disconnect.end", LocalTime.of(7, 0)),
                settings.time("mail.disconnect.morning", LocalTime.of(7, 30)),
                settings.bool("mail.disconnect.weekends", true),
                settings.bool("mail.disconnect.holidays", true), QuietHours.PARIS);
    }

    /** The next working morning to propose when sending now would disturb, or empty. */
    public Optional<ZonedDateTime> proposal() {
        if (!settings.bool("mail.disconnect.enabled", true)) {
            return Optional.empty();
        }
        return quietHours().proposal(Instant.now());
    }
}
