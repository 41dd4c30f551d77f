package fr.preau.web.account;

import fr.preau.settings.AcademySettings;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * The portal session ends after {@link #IDLE_MINUTES} minutes without activity (academy setting, default 30, as
 * Keycloak's SSO idle timeout in the realm); the pages warn two minutes before (see
 * {@code WEB-INF/templates/idle.xhtml}).
 */
@WebListener
public class SessionTimeout implements HttpSessionListener {
    public static final String IDLE_MINUTES = "identity.session.idle-minutes";

    @EJB
    private AcademySettings settings;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        int minutes;
        try {
            minutes = settings.integer(IDLE_MINUTES, 30);
        } catch (RuntimeException e) {
            minutes = 30;
        }
        event.getSession().setMaxInactiveInterval(Math.max(1, minutes) * 60);
    }
}
