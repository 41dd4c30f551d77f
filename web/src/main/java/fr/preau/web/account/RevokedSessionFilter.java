package fr.preau.web.account;

import java.io.IOException;

import fr.preau.identity.SessionRevocations;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Signs out a browser whose Keycloak session was ended from "Mes sessions" (elsewhere, or "Se déconnecter
 * partout"): its portal session ends and the page asks for a sign-in again. Pages only, not static resources.
 */
@WebFilter(urlPatterns = {"*.xhtml", "/compte/*"})
public class RevokedSessionFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @EJB
    private SessionRevocations revocations;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String sid = KeycloakSessionId.of(request);
        boolean revoked;
        try {
            revoked = sid != null && revocations.isRevoked(sid);
        } catch (ServiceUnavailableException | jakarta.ejb.EJBException e) {
            revoked = false;
        }
        if (!revoked) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        request.logout();
        response.sendRedirect(request.getContextPath() + "/public/deconnexion.xhtml");
    }
}
