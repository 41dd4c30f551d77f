package fr.preau.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The roles that only the server gives never come from a token (docs/adr/0091, "The role batch"): the nightly jobs
 * call their services under the role {@code batch} through {@code @RunAs}, and nothing in Keycloak should carry it.
 * A realm role of that name given to a user (by mistake, or by a realm administrator who should not) would open
 * those services to that user's requests; the request is refused instead (403, in French and English), the portal
 * session ended, and the attempt logged for the operators. Static resources hold no user's data and pass.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ReservedRoleFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ReservedRoleFilter.class.getName());

    /** The roles a token must not carry. */
    public static final List<String> SERVER_ONLY_ROLES = List.of("batch");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() == null
                || request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/")
                || SERVER_ONLY_ROLES.stream().noneMatch(request::isUserInRole)) {
            chain.doFilter(request, response);
            return;
        }
        LOG.warning("Refused: the token of " + request.getUserPrincipal().getName()
                + " carries a role only the server gives (" + SERVER_ONLY_ROLES + "); fix the realm's role mappings");
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        request.logout();
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/plain; charset=UTF-8");
        response.getOutputStream().write(("Accès refusé : ce compte porte un rôle réservé aux traitements du serveur."
                + " Prévenez l'administrateur de la messagerie.\n"
                + "Access refused: this account carries a role reserved for the server's jobs. Tell the mail"
                + " administrator.\n").getBytes(StandardCharsets.UTF_8));
    }
}
