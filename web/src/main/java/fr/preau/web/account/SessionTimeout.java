package fr.preau.web.account;

import fr.preau.settings.AcademySettings;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * The portal session ends after {@link #IDLE_MINUTES} minutes without activity (academy setting, default 30, as
 * Keycloak's SSO idle timeout in the realm); the pages warn two minutes before (see
 * {@code WEB-INF/templates/idle.xhtml}). {@link #IDLE_SECONDS}, absent from the settings page (its catalog allows 5 to
 * 720 minutes), replaces it when set: the browser test of the warning lives through three short sessions instead of
 * three minutes.
 */
@WebListener
public class SessionTimeout implements HttpSessionListener {
    public static final String IDLE_MINUTES = "identity.session.idle-minutes";
    public static final String IDLE_SECONDS = "identity.session.idle-seconds";

    @EJB
    private AcademySettings settings;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        int seconds;
        try {
            seconds = settings.integer(IDLE_SECONDS, 0);
            if (seconds < 1) {
                seconds = Math.max(1, settings.integer(IDLE_MINUTES, 30)) * 60;
            }
        } catch (RuntimeException e) {
            seconds = 30 * 60;
        }
        event.getSession().setMaxInactiveInterval(seconds);
    }
}
