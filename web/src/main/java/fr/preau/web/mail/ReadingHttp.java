package fr.preau.web.mail;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;

import fr.preau.mail.FolderPath;
import fr.preau.mail.MessageUid;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the reading servlets share: the folder and UID of the request (they only ever name a message of the caller's
 * own mailbox, which the service derives from the signed-in user), the security headers, HTML escaping, and failures
 * written as short French pages instead of stack traces.
 */
final class ReadingHttp {
    private static final Logger LOG = Logger.getLogger(ReadingHttp.class.getName());

    /** CSP of documents holding sanitised mail: no script, no form, no plugin, images only as allowed. */
    static final String MAIL_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'; sandbox allow-same-origin allow-popups allow-popups-to-escape-sandbox; img-src ";

    private ReadingHttp() {
    }

    /** The message a request names; null (and a 404 sent) when the parameters are not a folder and a UID. */
    static Target target(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            return new Target(new FolderPath(req.getParameter("dossier")), MessageUid.parse(req.getParameter("uid")));
        } catch (IllegalArgumentException e) {
            fail(req, resp, HttpServletResponse.SC_NOT_FOUND, "mail.error.messageGone");
            return null;
        }
    }

    record Target(FolderPath folder, MessageUid uid) {
    }

    /**
     * Headers every reading response carries, on top of the portal's (SecurityHeadersFilter decides framing:
     * only {@code /mail/corps} may be framed, by the portal itself).
     */
    static void secure(HttpServletResponse resp) {
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
    }

    /** Private cache: the browser may keep it, no shared cache may, and it must ask again (ETag) before use. */
    static void revalidate(HttpServletResponse resp, String etag) {
        resp.setHeader("Cache-Control", "private, no-cache");
        resp.setHeader("ETag", etag);
    }

    static boolean notModified(HttpServletRequest req, String etag) {
        String sent = req.getHeader("If-None-Match");
        return sent != null && sent.contains(etag);
    }

    /** A strong ETag of the bytes themselves; equal tags mean equal content, whoever asks. */
    static String etag(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update(p.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "\"" + HexFormat.of().formatHex(sha.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String text(HttpServletRequest req, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("fr.preau.web.messages", locale(req));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return args.length == 0 ? pattern
                : new java.text.MessageFormat(pattern.replace("'", "''"), locale(req)).format(args);
    }

    static Locale locale(HttpServletRequest req) {
        Locale l = req.getLocale();
        return l != null && "en".equals(l.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
    }

    /** Turns a service failure into a short page; anything else goes to the portal's error page. */
    static void failed(HttpServletRequest req, HttpServletResponse resp, RuntimeException e) throws IOException {
        if (resp.isCommitted()) {
            LOG.log(Level.FINE, "Reading response already sent in part", e);
            return;
        }
        if (e instanceof NotFoundException n) {
            fail(req, resp, HttpServletResponse.SC_NOT_FOUND, n.messageKey());
        } else if (e instanceof ServiceUnavailableException u) {
            fail(req, resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "error.unavailable." + u.component().name());
        } else {
            throw e;
        }
    }

    static void fail(HttpServletRequest req, HttpServletResponse resp, int status, String key) throws IOException {
        resp.reset();
        secure(resp);
        resp.setStatus(status);
        resp.setHeader("Cache-Control", "no-store");
        // Shown inside the message frame too: the portal may frame it, nobody else.
        resp.setHeader("X-Frame-Options", "SAMEORIGIN");
        resp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                + "frame-ancestors 'self'");
        resp.setContentType("text/html;charset=UTF-8");
        String message = escape(text(req, key));
        PrintWriter w = resp.getWriter();
        w.write("<!DOCTYPE html><html lang=\"" + locale(req).getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<title>" + message + "</title></head><body style=\"font-family:system-ui,sans-serif\">"
                + "<main><p role=\"alert\">" + message + "</p></main></body></html>");
    }
}
