package fr.preau.web.security;

import fr.preau.shared.Deployment;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a state-changing request comes from the portal's own pages. Browsers send {@code Origin} with every
 * POST (and {@code Referer} when they do not); a request naming another origin is a cross-site request. A request
 * with neither header is not from a browser form, so it carries no victim's cookie and is accepted.
 */
final class SameOrigin {
    private SameOrigin() {
    }

    static boolean accepts(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isBlank()) {
            String referer = request.getHeader("Referer");
            if (referer == null || referer.isBlank()) {
                return true;
            }
            origin = originOf(referer);
        }
        if (origin == null || "null".equals(origin)) {
            return false;
        }
        String own = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        String configured = Deployment.portalUrl();
        return sameOrigin(origin, own) || configured != null && sameOrigin(origin, originOf(configured));
    }

    static boolean sameOrigin(String a, String b) {
        String x = normalize(a);
        return x != null && x.equals(normalize(b));
    }

    private static String originOf(String url) {
        try {
            URI uri = URI.create(url.strip());
            return uri.getScheme() == null || uri.getHost() == null ? null
                    : uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** scheme://host:port in lower case, with the scheme's default port made explicit. */
    private static String normalize(String origin) {
        if (origin == null) {
            return null;
        }
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
