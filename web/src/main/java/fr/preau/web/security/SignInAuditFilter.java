package fr.preau.web.security;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.audit.ClientOrigin;
import fr.preau.identity.MailPasswordStreak;
import fr.preau.identity.SessionDevices;
import fr.preau.web.account.KeycloakSessionId;
import jakarta.ejb.EJB;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Notes the browser's address for the audit log of this request, and recognises a sign-in: the first request of a
 * portal session that arrives authenticated (Keycloak sent the browser back). At that moment the session gets a
 * new id (Elytron OIDC keeps the one created before the login: session fixation), SIGN_IN is audited, and the
 * account's streak of mail-client password failures ends (Keycloak cleared its own count, docs/adr/0082).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SignInAuditFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SignInAuditFilter.class.getName());
    /** Session attribute: the user this session was audited as signed in. */
    public static final String SIGNED_IN = SignInAuditFilter.class.getName() + ".user";

    @Inject
    private ClientOrigin origin;

    @Inject
    private Event<AuditEvent> audit;

    @EJB
    private SessionDevices devices;

    @EJB
    private MailPasswordStreak mailPasswords;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        origin.setIp(request.getRemoteAddr());
        String user = request.getRemoteUser();
        HttpSession session = request.getSession(false);
        if (user != null && session != null && !isResource(request)) {
            boolean first;
            synchronized (this) {
                first = !user.equals(session.getAttribute(SIGNED_IN));
                if (first) {
                    session.setAttribute(SIGNED_IN, user);
                }
            }
            if (first) {
                request.changeSessionId();
                audit.fire(AuditEvent.of(AuditAction.SIGN_IN, user, user, request.getRemoteAddr(), true,
                        request.getHeader("User-Agent")));
                recordDevice(request, user);
                endMailPasswordStreak(user);
            }
        }
        chain.doFilter(request, response);
    }

    /** The browser of this Keycloak session, for "Mes sessions"; a database that does not answer only loses it. */
    private void recordDevice(HttpServletRequest request, String user) {
        try {
            devices.record(KeycloakSessionId.of(request), user, request.getHeader("User-Agent"));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "browser of the session of " + user + " not recorded", e);
        }
    }

    /** A database that does not answer leaves the streak to end by itself (its window, or a mail login). */
    private void endMailPasswordStreak(String user) {
        try {
            mailPasswords.signedIn();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "mail password streak of " + user + " not cleared", e);
        }
    }

    private static boolean isResource(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/");
    }
}
