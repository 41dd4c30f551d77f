package fr.preau.web.security;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Security headers on every response of the portal (docs/adr/0072-…), and the same-origin check of every POST.
 *
 * <ul>
 * <li>Faces pages: PrimeFaces' CSP mode ({@code primefaces.CSP}, web.xml) writes the Content-Security-Policy with
 * a nonce per response, taking the policy from {@link ContentSecurityPolicy}; this filter adds none there, since
 * two policies would both apply and the second would refuse PrimeFaces' scripts.</li>
 * <li>Everything else: a strict policy set BEFORE the servlet runs, so that a servlet that needs its own policy
 * (the HTML mail frame, attachments) replaces it with {@code setHeader}.</li>
 * <li>Framing: {@code frame-ancestors 'none'} and {@code X-Frame-Options: DENY}, except under the prefixes of the
 * context parameter {@value #FRAMEABLE_PATHS}, which only the portal itself may frame ({@code 'self'}).</li>
 * <li>{@code Strict-Transport-Security} on every response the browser received over HTTPS ({@link #overHttps}).</li>
 * <li>A POST whose {@code Origin} (or, without it, {@code Referer}) is another site is refused (403): a forged form
 * elsewhere cannot sign a user out or submit a portal form, on top of Faces' server-side view state.</li>
 * </ul>
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    static final String FRAMEABLE_PATHS = "fr.preau.security.FRAMEABLE_PATHS";

    /** One year, sub-domains included (the academy's portal is HTTPS only); no preload list, which is not undone. */
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private List<String> frameable = List.of();

    @Override
    public void init() {
        String paths = getServletContext().getInitParameter(FRAMEABLE_PATHS);
        if (paths != null) {
            frameable = Arrays.stream(paths.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        }
    }

    /**
     * Whether the browser reached the portal over HTTPS: TLS to WildFly itself, or, as deployed, to the TLS proxy in
     * front of it, which says so with {@code X-Forwarded-Proto: https}. Browsers ignore HSTS received over plain
     * HTTP (RFC 6797 § 8.1), so a client that forges the header gains nothing.
     */
    static boolean overHttps(HttpServletRequest request) {
        return request.isSecure() || "https".equalsIgnoreCase(
                String.valueOf(request.getHeader("X-Forwarded-Proto")).split(",")[0].strip());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equalsIgnoreCase(request.getMethod()) && !SameOrigin.accepts(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean framed = frameable.stream().anyMatch(path::startsWith);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", ContentSecurityPolicy.PERMISSIONS);
        response.setHeader("X-Frame-Options", framed ? "SAMEORIGIN" : "DENY");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (overHttps(request)) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        if (!path.endsWith(".xhtml") || framed) {
            response.setHeader("Content-Security-Policy", ContentSecurityPolicy.other(framed));
        }
        if (!path.startsWith("/jakarta.faces.resource/")) {
            // Pages carry a user's mail: never kept by a shared cache or the back button of a shared computer.
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
