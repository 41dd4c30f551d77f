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
 * partout") or by a password reset: its portal session ends and the request, whatever serves it (a page, an
 * attachment, an export, a large-file upload), gets no content but the way to the signed-out page. Every path but
 * the static resources of {@code /jakarta.faces.resource/}, which hold no user's data.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RevokedSessionFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    @EJB
    private SessionRevocations revocations;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/")) {
            chain.doFilter(request, response);
            return;
        }
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
