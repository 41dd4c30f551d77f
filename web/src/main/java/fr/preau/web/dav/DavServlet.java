package fr.preau.web.dav;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.function.Function;
import java.util.logging.Logger;

import javax.xml.namespace.QName;

import fr.preau.contacts.carddav.DavCard;
import fr.preau.contacts.carddav.DavChanges;
import fr.preau.contacts.carddav.DavLogin;
import fr.preau.dav.Dav;
import fr.preau.dav.DavPath;
import fr.preau.dav.DavRefusal;
import fr.preau.dav.DavRequest;
import fr.preau.dav.Multistatus;
import fr.preau.dav.Prop;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.ejb.EJBException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What CardDAV and CalDAV share over HTTP (docs/adr/0102, 0107): {@code /.well-known/*} sends clients to
 * {@code /dav/}, where the principal is found; HTTP Basic credentials read from each request (no container sign-in:
 * web.xml leaves the DAV paths out of OIDC); the methods dispatched; refusals answered with a status and a message in
 * the request's language (a {@code DAV:error} body when a precondition is named), never an error page or a stack
 * trace; 207 bodies written.
 */
public abstract class DavServlet extends HttpServlet {
    /** The principals' collection, where {@code /.well-known/carddav} and {@code caldav} lead. */
    protected static final String PRINCIPALS = "dav";
    /** The calendar homes' collection (CalDAV). */
    protected static final String CALENDARS = "caldav";
    /** The scheduling outbox in a calendar home (free/busy requests, RFC 6638). */
    protected static final String OUTBOX = "outbox";
    protected static final String XML = "application/xml; charset=utf-8";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DavServlet.class.getName());

    /** The first segment of this servlet's paths. */
    protected abstract String root();

    /** The most segments a path of this servlet has. */
    protected abstract int depth();

    /** The {@code DAV} header of OPTIONS. */
    protected abstract String compliance();

    /** The {@code Allow} header. */
    protected abstract String allowed();

    /** The precondition named when the portal refuses what a client wrote (a card, an event). */
    protected abstract QName invalidData();

    protected abstract void propfind(HttpServletRequest req, HttpServletResponse resp, DavLogin login,
            List<String> segments) throws IOException;

    protected abstract void report(HttpServletRequest req, HttpServletResponse resp, DavLogin login,
            List<String> segments) throws IOException;

    protected abstract void get(HttpServletResponse resp, DavLogin login, List<String> segments, boolean head)
            throws IOException;

    protected abstract void put(HttpServletRequest req, HttpServletResponse resp, DavLogin login,
            List<String> segments) throws IOException;

    protected abstract void delete(HttpServletRequest req, HttpServletResponse resp, DavLogin login,
            List<String> segments) throws IOException;

    /** Checks the credentials alone (before refusing what the path cannot do: the client learns nothing first). */
    protected abstract void signIn(DavLogin login);

    /** A POST (CalDAV's scheduling outbox); none elsewhere. */
    protected void post(HttpServletRequest req, HttpServletResponse resp, DavLogin login, List<String> segments)
            throws IOException {
        resp.setHeader("Allow", allowed());
        throw new DavRefusal(405, null, "dav.method");
    }

    /** The message key shown for a refusal's reason (a servlet may word the shared ones for its resources). */
    protected String key(String reason) {
        return reason;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.startsWith("/.well-known/")) {
            resp.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            resp.setHeader("Location", req.getContextPath() + "/" + PRINCIPALS + "/");
            return;
        }
        List<String> segments = DavPath.segments(path);
        try {
            if (segments == null || segments.isEmpty() || !root().equals(segments.get(0))
                    || segments.size() > depth()) {
                throw DavRefusal.notFound();
            }
            String method = req.getMethod().toUpperCase(Locale.ROOT);
            if ("OPTIONS".equals(method)) {
                resp.setHeader("DAV", compliance());
                resp.setHeader("Allow", allowed());
                resp.setStatus(HttpServletResponse.SC_OK);
                return;
            }
            DavLogin login = login(req);
            switch (method) {
                case "PROPFIND" -> propfind(req, resp, login, segments);
                case "REPORT" -> report(req, resp, login, segments);
                case "GET", "HEAD" -> get(resp, login, segments, "HEAD".equals(method));
                case "PUT" -> put(req, resp, login, segments);
                case "DELETE" -> delete(req, resp, login, segments);
                case "POST" -> post(req, resp, login, segments);
                default -> {
                    resp.setHeader("Allow", allowed());
                    throw new DavRefusal(405, null, "dav.method");
                }
            }
        } catch (DavRefusal r) {
            refuse(req, resp, r.status(), r.condition(), key(r.reason()));
        } catch (InvalidInputException bad) {
            if (bad.argument() == null) {
                refuse(req, resp, 403, invalidData(), bad.messageKey());
            } else {
                refuse(req, resp, 403, invalidData(), bad.messageKey(), bad.argument());
            }
        } catch (NotFoundException gone) {
            refuse(req, resp, 404, null, key("dav.notFound"));
        } catch (ServiceUnavailableException down) {
            resp.setHeader("Retry-After", "30");
            refuse(req, resp, 503, null, "error.unavailable." + down.component().name());
        } catch (EJBException | IllegalStateException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(Level.SEVERE, "DAV request failed, reference " + reference, e);
            refuse(req, resp, 500, null, "dav.failed", reference);
        }
    }

    /** The account id of a path's second segment (404 when it is not one). */
    protected static long owner(List<String> segments) {
        String id = segments.get(1);
        if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            throw DavRefusal.notFound();
        }
        return Long.parseLong(id);
    }

    /** Refuses with {@code refusal}, once signed in, a path that is not a resource (a card, an event object). */
    protected void onAResource(List<String> segments, DavLogin login, DavRefusal refusal) {
        if (segments.size() != depth()) {
            signIn(login);
            throw refusal;
        }
    }

    /** The body of a sync-collection report (RFC 6578): what changed, what is gone (404), the new token. */
    protected static void synced(DavChanges changes, String at, DavRequest asked, Multistatus ms,
            Function<DavCard, List<Prop>> props) {
        changes.changed().forEach(c -> ms.answer(at + DavPath.encode(c.name()), asked, props.apply(c)));
        changes.removed().forEach(name -> ms.status(at + DavPath.encode(name), 404));
        ms.syncToken(changes.syncToken());
    }

    /** {@code current-user-privilege-set}: read, or read and write. */
    protected static Prop privileges(boolean writable) {
        return writable ? Prop.privileges(Dav.dav("read"), Dav.dav("write"), Dav.dav("write-content"),
                Dav.dav("bind"), Dav.dav("unbind")) : Prop.privileges(Dav.dav("read"));
    }

    /** Answers a GET or HEAD with a resource's text and its ETag. */
    protected static void serve(HttpServletResponse resp, String type, DavCard resource, boolean head)
            throws IOException {
        byte[] bytes = resource.text().getBytes(StandardCharsets.UTF_8);
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(type);
        resp.setHeader("ETag", resource.etag());
        resp.setContentLength(bytes.length);
        if (!head) {
            resp.getOutputStream().write(bytes);
        }
    }

    /**
     * A multiget: the resources of the hrefs that name a member of collection {@code segments} (found by
     * {@code fetch} from their names), the others answered 404, as those that do not exist.
     */
    protected static void multiget(DavRequest asked, List<String> segments, String at, Multistatus ms,
            Function<Set<String>, List<DavCard>> fetch, Function<DavCard, List<Prop>> props) {
        Map<String, String> hrefByName = new LinkedHashMap<>();
        List<String> outside = new ArrayList<>();
        for (String href : asked.hrefs()) {
            List<String> s = DavPath.segments(href);
            if (s != null && s.size() == segments.size() + 1 && s.subList(0, segments.size()).equals(segments)) {
                hrefByName.put(s.get(segments.size()), href);
            } else {
                outside.add(href);
            }
        }
        for (DavCard c : fetch.apply(hrefByName.keySet())) {
            ms.answer(at + DavPath.encode(c.name()), asked, props.apply(c));
            hrefByName.remove(c.name());
        }
        hrefByName.values().forEach(h -> ms.status(h, 404));
        outside.forEach(h -> ms.status(h, 404));
    }

    /** The live properties of a card or an event object, its text as {@code data} ({@code address-data} …). */
    protected static List<Prop> resourceProps(DavCard c, String type, QName data) {
        return List.of(Prop.elements(Dav.RESOURCETYPE), Prop.text(Dav.GETETAG, c.etag()),
                Prop.text(Dav.GETCONTENTTYPE, type),
                Prop.text(Dav.GETCONTENTLENGTH, String.valueOf(c.text().getBytes(StandardCharsets.UTF_8).length)),
                Prop.text(data, c.text()));
    }

    /** The credentials of HTTP Basic; a request without them gets 401 and the challenge. */
    protected static DavLogin login(HttpServletRequest req) {
        String header = req.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new DavRefusal(401, null, "dav.signIn");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new DavRefusal(401, null, "dav.signIn");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new DavRefusal(401, null, "dav.signIn");
        }
        return new DavLogin(decoded.substring(0, colon), decoded.substring(colon + 1), req.getRemoteAddr());
    }

    protected static byte[] body(HttpServletRequest req, int max) throws IOException {
        if (req.getContentLengthLong() > max) {
            throw new DavRefusal(413, null, "dav.tooLarge");
        }
        byte[] bytes = req.getInputStream().readNBytes(max + 1);
        if (bytes.length > max) {
            throw new DavRefusal(413, null, "dav.tooLarge");
        }
        return bytes;
    }

    protected static void multistatus(HttpServletResponse resp, Multistatus ms) throws IOException {
        byte[] xml = ms.toXml().getBytes(StandardCharsets.UTF_8);
        resp.setStatus(207);
        resp.setContentType(XML);
        resp.setContentLength(xml.length);
        resp.getOutputStream().write(xml);
    }

    protected static void refuse(HttpServletRequest req, HttpServletResponse resp, int status, QName condition,
            String key, Object... args) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        resp.resetBuffer();
        resp.setStatus(status);
        if (status == 401) {
            resp.setHeader("WWW-Authenticate", "Basic realm=\"Preau\", charset=\"UTF-8\"");
        }
        String message = text(req, key, args);
        byte[] body = (condition == null ? message + "\n" : Multistatus.error(condition, message))
                .getBytes(StandardCharsets.UTF_8);
        resp.setContentType(condition == null ? "text/plain; charset=utf-8" : XML);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    protected static String text(HttpServletRequest req, String key, Object... args) {
        // French unless the client asks for English (without Accept-Language, getLocale() is the server's).
        Locale l = req.getHeader("Accept-Language") == null ? Locale.FRENCH : req.getLocale();
        Locale locale = "en".equals(l.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
        String pattern;
        try {
            pattern = ResourceBundle.getBundle("fr.preau.web.messages", locale).getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern.replace("'", "''"), locale).format(args);
    }
}
