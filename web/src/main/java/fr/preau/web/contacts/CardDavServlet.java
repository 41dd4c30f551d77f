package fr.preau.web.contacts;

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
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.xml.namespace.QName;

import fr.preau.contacts.carddav.CardDavBooks;
import fr.preau.contacts.carddav.DavAccount;
import fr.preau.contacts.carddav.DavBook;
import fr.preau.contacts.carddav.DavCard;
import fr.preau.contacts.carddav.DavChanges;
import fr.preau.contacts.carddav.DavLogin;
import fr.preau.contacts.carddav.DavShelf;
import fr.preau.contacts.carddav.DavWrite;
import fr.preau.dav.CardLines;
import fr.preau.dav.Dav;
import fr.preau.dav.DavPath;
import fr.preau.dav.DavRefusal;
import fr.preau.dav.DavRequest;
import fr.preau.dav.Multistatus;
import fr.preau.dav.Prop;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CardDAV (RFC 6352, 6578, 6764; docs/adr/0102): {@code /.well-known/carddav} sends clients to {@code /dav/}, whose
 * PROPFIND names the signed-in account's principal {@code /dav/<account id>/}, which is also its address-book home
 * with its books: {@code contacts/} (read-write), {@code annuaire/} (the academy directory) and
 * {@code etablissement/} (the staff of the account's establishment), both read-only. Each request
 * signs in with HTTP Basic (the address and the account's password or an app password, checked by
 * {@link CardDavBooks} as IMAP checks them); the OIDC sign-in of the pages is not asked here (web.xml leaves
 * {@code /dav/*} to this servlet) and a bearer token opens nothing. Another account's path answers 404.
 */
@WebServlet(urlPatterns = {"/dav/*", "/.well-known/carddav"})
public class CardDavServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CardDavServlet.class.getName());
    private static final String ROOT = "dav";
    private static final String VCARD = "text/vcard; charset=utf-8";
    private static final String XML = "application/xml; charset=utf-8";
    private static final String ALLOW = "OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, REPORT";
    private static final int MAX_CARD_BYTES = 1 << 20;

    @EJB
    private CardDavBooks books;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.startsWith("/.well-known/")) {
            resp.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            resp.setHeader("Location", req.getContextPath() + "/" + ROOT + "/");
            return;
        }
        List<String> segments = DavPath.segments(path);
        try {
            if (segments == null || segments.isEmpty() || !ROOT.equals(segments.get(0)) || segments.size() > 4) {
                throw DavRefusal.notFound();
            }
            String method = req.getMethod().toUpperCase(Locale.ROOT);
            if ("OPTIONS".equals(method)) {
                resp.setHeader("DAV", "1, 3, addressbook, sync-collection");
                resp.setHeader("Allow", ALLOW);
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
                default -> {
                    resp.setHeader("Allow", ALLOW);
                    throw new DavRefusal(405, null, "dav.method");
                }
            }
        } catch (DavRefusal r) {
            refuse(req, resp, r.status(), r.condition(), r.reason());
        } catch (InvalidInputException bad) {
            if (bad.argument() == null) {
                refuse(req, resp, 403, Dav.VALID_ADDRESS_DATA, bad.messageKey());
            } else {
                refuse(req, resp, 403, Dav.VALID_ADDRESS_DATA, bad.messageKey(), bad.argument());
            }
        } catch (NotFoundException gone) {
            refuse(req, resp, 404, null, "dav.notFound");
        } catch (ServiceUnavailableException down) {
            resp.setHeader("Retry-After", "30");
            refuse(req, resp, 503, null, "error.unavailable." + down.component().name());
        } catch (EJBException | IllegalStateException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.log(Level.SEVERE, "DAV request failed, reference " + reference, e);
            refuse(req, resp, 500, null, "dav.failed", reference);
        }
    }

    private void propfind(HttpServletRequest req, HttpServletResponse resp, DavLogin login, List<String> segments)
            throws IOException {
        DavRequest asked = DavRequest.propfind(body(req, DavRequest.MAX_BYTES));
        boolean children = !"0".equals(req.getHeader("Depth"));
        Multistatus ms = new Multistatus();
        String base = req.getContextPath() + "/" + ROOT + "/";
        if (segments.size() == 1) {
            DavAccount me = books.signIn(login);
            String home = base + me.id() + "/";
            ms.answer(base, asked, List.of(Prop.elements(Dav.RESOURCETYPE, Dav.COLLECTION),
                    Prop.hrefs(Dav.CURRENT_USER_PRINCIPAL, home), Prop.hrefs(Dav.ADDRESSBOOK_HOME_SET, home)));
            if (children) {
                ms.answer(home, asked, homeProps(me, base, home));
            }
            multistatus(resp, ms);
            return;
        }
        long owner = owner(segments);
        String home = base + owner + "/";
        if (segments.size() == 2) {
            DavShelf shelf = books.shelf(login, owner);
            ms.answer(home, asked, homeProps(shelf.account(), base, home));
            if (children) {
                shelf.books().forEach(b -> ms.answer(home + b.name() + "/", asked, bookProps(home, b)));
            }
        } else if (segments.size() == 3) {
            DavBook book = children ? books.book(login, owner, segments.get(2))
                    : books.shelf(login, owner).book(segments.get(2));
            if (book == null) {
                throw DavRefusal.notFound();
            }
            String at = home + book.name() + "/";
            ms.answer(at, asked, bookProps(home, book));
            book.cards().forEach(c -> ms.answer(at + DavPath.encode(c.name()), asked, cardProps(c)));
        } else {
            DavCard card = books.cards(login, owner, segments.get(2), List.of(segments.get(3))).stream().findFirst()
                    .orElseThrow(DavRefusal::notFound);
            ms.answer(home + segments.get(2) + "/" + DavPath.encode(card.name()), asked, cardProps(card));
        }
        multistatus(resp, ms);
    }

    private void report(HttpServletRequest req, HttpServletResponse resp, DavLogin login, List<String> segments)
            throws IOException {
        DavRequest asked = DavRequest.report(body(req, DavRequest.MAX_BYTES));
        if (segments.size() != 3) {
            books.signIn(login);
            throw new DavRefusal(403, Dav.dav("supported-report"), "dav.report");
        }
        long owner = owner(segments);
        String book = segments.get(2);
        String at = req.getContextPath() + "/" + ROOT + "/" + owner + "/" + book + "/";
        Multistatus ms = new Multistatus();
        switch (asked.kind()) {
            case MULTIGET -> {
                Map<String, String> hrefByName = new LinkedHashMap<>();
                List<String> outside = new ArrayList<>();
                for (String href : asked.hrefs()) {
                    List<String> s = DavPath.segments(href);
                    if (s != null && s.size() == 4 && s.subList(0, 3).equals(segments)) {
                        hrefByName.put(s.get(3), href);
                    } else {
                        outside.add(href);
                    }
                }
                List<DavCard> found = books.cards(login, owner, book, hrefByName.keySet());
                for (DavCard c : found) {
                    ms.answer(at + DavPath.encode(c.name()), asked, cardProps(c));
                    hrefByName.remove(c.name());
                }
                hrefByName.values().forEach(h -> ms.status(h, 404));
                outside.forEach(h -> ms.status(h, 404));
            }
            case QUERY -> {
                int n = 0;
                for (DavCard c : books.book(login, owner, book).cards()) {
                    if (asked.limit() > 0 && n >= asked.limit()) {
                        break;
                    }
                    if (asked.filter().test(name -> CardLines.values(c.text(), name))) {
                        ms.answer(at + DavPath.encode(c.name()), asked, cardProps(c));
                        n++;
                    }
                }
            }
            case SYNC -> {
                DavChanges changes = books.changes(login, owner, book, asked.syncToken());
                changes.changed().forEach(c -> ms.answer(at + DavPath.encode(c.name()), asked, cardProps(c)));
                changes.removed().forEach(name -> ms.status(at + DavPath.encode(name), 404));
                ms.syncToken(changes.syncToken());
            }
            default -> throw new DavRefusal(403, Dav.dav("supported-report"), "dav.report");
        }
        multistatus(resp, ms);
    }

    private void get(HttpServletResponse resp, DavLogin login, List<String> segments, boolean head)
            throws IOException {
        if (segments.size() != 4) {
            books.signIn(login);
            throw new DavRefusal(405, null, "dav.method");
        }
        DavCard card = books.cards(login, owner(segments), segments.get(2), List.of(segments.get(3))).stream()
                .findFirst().orElseThrow(DavRefusal::notFound);
        byte[] bytes = card.text().getBytes(StandardCharsets.UTF_8);
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(VCARD);
        resp.setHeader("ETag", card.etag());
        resp.setContentLength(bytes.length);
        if (!head) {
            resp.getOutputStream().write(bytes);
        }
    }

    private void put(HttpServletRequest req, HttpServletResponse resp, DavLogin login, List<String> segments)
            throws IOException {
        if (segments.size() != 4) {
            books.signIn(login);
            throw new DavRefusal(405, null, "dav.method");
        }
        String type = req.getContentType();
        if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("text/vcard")
                && !type.toLowerCase(Locale.ROOT).startsWith("text/x-vcard")) {
            books.signIn(login);
            throw new DavRefusal(415, Dav.carddav("supported-address-data"), "dav.notVcard");
        }
        String text = new String(body(req, MAX_CARD_BYTES), StandardCharsets.UTF_8);
        DavWrite written = books.put(login, owner(segments), segments.get(2), segments.get(3), text,
                req.getHeader("If-Match"), req.getHeader("If-None-Match"));
        if (written.etag() != null) {
            resp.setHeader("ETag", written.etag());
        }
        resp.setStatus(written.created() ? HttpServletResponse.SC_CREATED : HttpServletResponse.SC_NO_CONTENT);
    }

    private void delete(HttpServletRequest req, HttpServletResponse resp, DavLogin login, List<String> segments) {
        if (segments.size() != 4) {
            books.signIn(login);
            throw new DavRefusal(403, null, "dav.readOnly");
        }
        books.delete(login, owner(segments), segments.get(2), segments.get(3), req.getHeader("If-Match"),
                req.getHeader("If-None-Match"));
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static List<Prop> homeProps(DavAccount me, String base, String home) {
        return List.of(Prop.elements(Dav.RESOURCETYPE, Dav.COLLECTION, Dav.PRINCIPAL),
                Prop.text(Dav.DISPLAYNAME, me.displayName()), Prop.hrefs(Dav.CURRENT_USER_PRINCIPAL, home),
                Prop.hrefs(Dav.PRINCIPAL_URL, home), Prop.hrefs(Dav.ADDRESSBOOK_HOME_SET, home),
                Prop.hrefs(Dav.dav("principal-collection-set"), base));
    }

    private static List<Prop> bookProps(String home, DavBook book) {
        List<Prop> props = new ArrayList<>(List.of(Prop.elements(Dav.RESOURCETYPE, Dav.COLLECTION, Dav.ADDRESSBOOK),
                Prop.text(Dav.DISPLAYNAME, book.displayName()), Prop.hrefs(Dav.OWNER, home),
                Prop.hrefs(Dav.CURRENT_USER_PRINCIPAL, home),
                Prop.elements(Dav.SUPPORTED_ADDRESS_DATA),
                book.writable() ? Prop.privileges(Dav.dav("read"), Dav.dav("write"), Dav.dav("write-content"),
                        Dav.dav("bind"), Dav.dav("unbind")) : Prop.privileges(Dav.dav("read"))));
        if (book.syncToken() != null) {
            props.add(Prop.text(Dav.SYNC_TOKEN, book.syncToken()));
            props.add(Prop.text(Dav.GETCTAG, book.syncToken()));
            props.add(Prop.reports(Dav.ADDRESSBOOK_MULTIGET, Dav.ADDRESSBOOK_QUERY, Dav.SYNC_COLLECTION));
        } else {
            props.add(Prop.reports(Dav.ADDRESSBOOK_MULTIGET, Dav.ADDRESSBOOK_QUERY));
        }
        return props;
    }

    private static List<Prop> cardProps(DavCard c) {
        return List.of(Prop.elements(Dav.RESOURCETYPE), Prop.text(Dav.GETETAG, c.etag()),
                Prop.text(Dav.GETCONTENTTYPE, "text/vcard; charset=utf-8"),
                Prop.text(Dav.GETCONTENTLENGTH, String.valueOf(c.text().getBytes(StandardCharsets.UTF_8).length)),
                Prop.text(Dav.ADDRESS_DATA, c.text()));
    }

    private static long owner(List<String> segments) {
        String id = segments.get(1);
        if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            throw DavRefusal.notFound();
        }
        return Long.parseLong(id);
    }

    /** The credentials of HTTP Basic; a request without them gets 401 and the challenge. */
    private static DavLogin login(HttpServletRequest req) {
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

    private static byte[] body(HttpServletRequest req, int max) throws IOException {
        if (req.getContentLengthLong() > max) {
            throw new DavRefusal(413, null, "dav.tooLarge");
        }
        byte[] bytes = req.getInputStream().readNBytes(max + 1);
        if (bytes.length > max) {
            throw new DavRefusal(413, null, "dav.tooLarge");
        }
        return bytes;
    }

    private static void multistatus(HttpServletResponse resp, Multistatus ms) throws IOException {
        byte[] xml = ms.toXml().getBytes(StandardCharsets.UTF_8);
        resp.setStatus(207);
        resp.setContentType(XML);
        resp.setContentLength(xml.length);
        resp.getOutputStream().write(xml);
    }

    private static void refuse(HttpServletRequest req, HttpServletResponse resp, int status, QName condition,
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

    private static String text(HttpServletRequest req, String key, Object... args) {
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
