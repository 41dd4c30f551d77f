package fr.preau.web.security;

import fr.preau.shared.Deployment;
import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * The portal's Content-Security-Policy (docs/adr/0072-…). Faces pages get {@link #getFaces()}, to which PrimeFaces'
 * CSP mode appends {@code script-src 'self' 'nonce-…'}: no script element runs without the nonce of the response,
 * PrimeFaces moves its components' event handlers into nonce scripts. Event handler attributes written as plain
 * HTML in facelets (which PrimeFaces cannot see) stay allowed by {@code script-src-attr 'unsafe-inline'} until
 * they are all components (ADR 0072). Styles stay {@code 'unsafe-inline'} (PrimeFaces
 * components write style attributes; a style cannot run code). Forms may also go to Keycloak, since sign-out
 * redirects there.
 */
@Named
@ApplicationScoped
public class ContentSecurityPolicy {
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()";
    private static final String COMMON = "default-src 'self'; img-src 'self' data:; font-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'self'; ";

    private final String faces = COMMON + "form-action 'self'" + identityProvider() + "; frame-src 'self'; "
            + "frame-ancestors 'none'; script-src-attr 'unsafe-inline'; script-src 'self'";

    /** The policy PrimeFaces completes with the nonce ({@code primefaces.CSP_POLICY} in web.xml). */
    public String getFaces() {
        return faces;
    }

    /** The policy of responses that are not Faces pages (servlets, resources, errors): no script at all. */
    static String other(boolean framedBySelf) {
        return "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors " + (framedBySelf ? "'self'" : "'none'");
    }

    private static String identityProvider() {
        String provider = Deployment.oidcProviderUrl();
        if (provider == null) {
            return "";
        }
        try {
            URI uri = URI.create(provider.strip());
            return uri.getHost() == null ? "" : " " + uri.getScheme() + "://" + uri.getHost()
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
