package fr.preau.web.account;

import java.io.IOException;

import fr.preau.identity.AccountSecurityService;
import fr.preau.identity.KeycloakAction;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Where Keycloak sends the browser back after an application-initiated action: records the outcome
 * ({@code kc_action_status}: success, cancelled, error) for the audit log and shows it on the security page. The
 * authorization code Keycloak adds is not used: the portal session already holds the user's tokens.
 */
@WebServlet("/compte/retour")
public class KeycloakActionReturnServlet extends HttpServlet {
    static final String OUTCOME = KeycloakActionReturnServlet.class.getName() + ".outcome";
    private static final long serialVersionUID = 1L;

    @EJB
    private AccountSecurityService security;

    @Inject
    private PasswordBanner banner;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession();
        Object pending = session.getAttribute(KeycloakActionServlet.PENDING);
        Object state = session.getAttribute(KeycloakActionServlet.STATE);
        session.removeAttribute(KeycloakActionServlet.PENDING);
        session.removeAttribute(KeycloakActionServlet.STATE);
        String status = request.getParameter("kc_action_status");
        KeycloakAction action = pending == null ? null : KeycloakAction.parse(pending.toString()).orElse(null);
        if (action != null && state != null && state.equals(request.getParameter("state")) && status != null) {
            String outcome = switch (status) {
                case "success" -> "success";
                case "cancelled" -> "cancelled";
                default -> "error";
            };
            try {
                security.actionReturned(action, outcome);
            } catch (ServiceUnavailableException e) {
                // The change itself is done on Keycloak's side; only its audit entry is late.
            }
            banner.forget();
            session.setAttribute(OUTCOME, "security.action." + action.name() + "." + outcome);
        }
        response.sendRedirect(request.getContextPath() + "/account/security.xhtml");
    }
}
