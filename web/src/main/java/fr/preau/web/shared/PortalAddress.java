package fr.preau.web.shared;

import fr.preau.shared.Deployment;
import java.net.URI;
import java.util.Locale;

/**
 * The portal's public address ({@code PREAU_PORTAL_URL}, for example {@code https://portail.ac-preau.fr}): the only
 * base of the links the portal mails or hands out (reset and verification links, download links, the return address
 * after sign-out). Never taken from the request: its {@code Host} header is whatever the client wrote, and a
 * reset link built from {@code Host: evil.example} would send the token to the attacker. Without the variable these
 * links are refused, not guessed.
 */
public final class PortalAddress {
    public static final String VARIABLE = "PREAU_PORTAL_URL";

    private PortalAddress() {
    }

    /** The configured address without a trailing slash; fails when {@value #VARIABLE} is missing or not a URL. */
    public static String base() {
        return of(Deployment.portalUrl());
    }

    static String of(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException(VARIABLE + " is not set: links mailed by the portal need the portal's"
                    + " public address (see README, Configuring a real deployment)");
        }
        String value = configured.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(VARIABLE + " is not a URL: " + value, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw new IllegalStateException(VARIABLE + " must be an http(s) address: " + value);
        }
        return value;
    }
}
