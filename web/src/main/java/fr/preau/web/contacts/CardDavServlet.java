package fr.preau.web.contacts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import fr.preau.web.dav.DavServlet;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CardDAV (RFC 6352, 6578, 6764; docs/adr/0102): {@code /.well-known/carddav} sends clients to {@code /dav/}, whose
 * PROPFIND names the signed-in account's principal {@code /dav/<account id>/} (which also names its calendar
 * home {@code /caldav/<account id>/}, served by the agenda's CalDAV servlet; docs/adr/0107), which is also its
 * address-book home with its books: {@code contacts/} (read-write), {@code annuaire/} (the academy directory) and
 * {@code etablissement/} (the staff of the account's establishment), both read-only. Each request
 * signs in with HTTP Basic (the address and the account's password or an app password, checked by
 * {@link CardDavBooks} as IMAP checks them); the OIDC sign-in of the pages is not asked here (web.xml leaves
 * {@code /dav/*} to this servlet) and a bearer token opens nothing. Another account's path answers 404.
 */
@WebServlet(urlPatterns = {"/dav/*", "/.well-known/carddav"})
public class CardDavServlet extends DavServlet {
    private static final long serialVersionUID = 1L;
    private static final String ROOT = PRINCIPALS;
    private static final String VCARD = "text/vcard; charset=utf-8";
    private static final String ALLOW = "OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, REPORT";
    private static final int MAX_CARD_BYTES = 1 << 20;

    @EJB
    private CardDavBooks books;

    @Override
    protected void signIn(DavLogin login) {
        books.signIn(login);
    }

    @Override
    protected String root() {
        return ROOT;
    }

    @Override
    protected int depth() {
        return 4;
    }

    @Override
    protected String compliance() {
        return "1, 3, addressbook, calendar-access, sync-collection";
    }

    @Override
    protected String allowed() {
        return ALLOW;
    }

    @Override
    protected QName invalidData() {
        return Dav.VALID_ADDRESS_DATA;
    }

    @Override
    protected void propfind(HttpServletRequest req, HttpServletResponse resp, DavLogin login, List<String> segments)
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

    @Override
    protected void report(HttpServletRequest req, HttpServletResponse resp, DavLogin login, List<String> segments)
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
            case MULTIGET -> multiget(asked, segments, at, ms, names -> books.cards(login, owner, book, names),
                    CardDavServlet::cardProps);
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
                synced(changes, at, asked, ms, CardDavServlet::cardProps);
            }
            default -> throw new DavRefusal(403, Dav.dav("supported-report"), "dav.report");
        }
        multistatus(resp, ms);
    }

    @Override
    protected void get(HttpServletResponse resp, DavLogin login, List<String> segments, boolean head)
            throws IOException {
        onAResource(segments, login, new DavRefusal(405, null, "dav.method"));
        DavCard card = books.cards(login, owner(segments), segments.get(2), List.of(segments.get(3))).stream()
                .findFirst().orElseThrow(DavRefusal::notFound);
        serve(resp, VCARD, card, head);
    }

    @Override
    protected void put(HttpServletRequest req, HttpServletResponse resp, DavLogin login, List<String> segments)
            throws IOException {
        onAResource(segments, login, new DavRefusal(405, null, "dav.method"));
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

    @Override
    protected void delete(HttpServletRequest req, HttpServletResponse resp, DavLogin login, List<String> segments) {
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
                Prop.hrefs(Dav.CALENDAR_HOME_SET, base.substring(0, base.length() - ROOT.length() - 1) + CALENDARS
                        + "/" + me.id() + "/"),
                Prop.hrefs(Dav.CALENDAR_USER_ADDRESS_SET, "mailto:" + me.address()),
                Prop.hrefs(Dav.SCHEDULE_OUTBOX_URL, base.substring(0, base.length() - ROOT.length() - 1) + CALENDARS
                        + "/" + me.id() + "/" + OUTBOX + "/"),
                Prop.hrefs(Dav.dav("principal-collection-set"), base));
    }

    private static List<Prop> bookProps(String home, DavBook book) {
        List<Prop> props = new ArrayList<>(List.of(Prop.elements(Dav.RESOURCETYPE, Dav.COLLECTION, Dav.ADDRESSBOOK),
                Prop.text(Dav.DISPLAYNAME, book.displayName()), Prop.hrefs(Dav.OWNER, home),
                Prop.hrefs(Dav.CURRENT_USER_PRINCIPAL, home),
                Prop.elements(Dav.SUPPORTED_ADDRESS_DATA),
                privileges(book.writable())));
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
        return resourceProps(c, "text/vcard; charset=utf-8", Dav.ADDRESS_DATA);
    }
}
