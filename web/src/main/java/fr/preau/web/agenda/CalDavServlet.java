package fr.preau.web.agenda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.namespace.QName;

import fr.preau.agenda.CalDavCalendar;
import fr.preau.agenda.CalDavCalendars;
import fr.preau.contacts.carddav.DavAccount;
import fr.preau.contacts.carddav.DavCard;
import fr.preau.contacts.carddav.DavChanges;
import fr.preau.contacts.carddav.DavLogin;
import fr.preau.contacts.carddav.DavWrite;
import fr.preau.dav.CalendarFilter;
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
 * CalDAV (RFC 4791, 6578, 6764; docs/adr/0107): {@code /.well-known/caldav} sends clients to {@code /dav/}, where the
 * principal {@code /dav/<account id>/} names the calendar home {@code /caldav/<account id>/}; in it one collection
 * per calendar the caller may read, named by the calendar's id ({@code /caldav/<id>/<calendar id>/}), holding the
 * event objects ({@code <name>.ics}). Signed in as CardDAV is (HTTP Basic, the account's password or an app
 * password). Everything is decided by {@link CalDavCalendars}: rights, the 404 of what is not the caller's, the
 * busy-only objects of private events.
 */
@WebServlet(urlPatterns = {"/caldav/*", "/.well-known/caldav"})
public class CalDavServlet extends DavServlet {
    private static final long serialVersionUID = 1L;
    private static final String ICS = "text/calendar; charset=utf-8";
    private static final String ALLOW = "OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, REPORT, POST";
    private static final int MAX_OBJECT_BYTES = 1 << 20;
    private static final Map<String, String> WORDING = Map.of("dav.notFound", "caldav.notFound", "dav.stale",
            "caldav.stale", "dav.syncToken", "caldav.syncToken", "dav.report", "caldav.report");

    @EJB
    private CalDavCalendars calendars;

    @Override
    protected void signIn(DavLogin login) {
        calendars.signIn(login);
    }

    @Override
    protected String root() {
        return CALENDARS;
    }

    @Override
    protected int depth() {
        return 4;
    }

    @Override
    protected String compliance() {
        return "1, 3, calendar-access, calendar-schedule, sync-collection";
    }

    @Override
    protected String allowed() {
        return ALLOW;
    }

    @Override
    protected QName invalidData() {
        return Dav.VALID_CALENDAR_DATA;
    }

    @Override
    protected String key(String reason) {
        return WORDING.getOrDefault(reason, reason);
    }

    @Override
    protected void propfind(HttpServletRequest req, HttpServletResponse resp, DavLogin login, List<String> segments)
            throws IOException {
        DavRequest asked = DavRequest.propfind(body(req, DavRequest.MAX_BYTES));
        boolean children = !"0".equals(req.getHeader("Depth"));
        Multistatus ms = new Multistatus();
        String principals = req.getContextPath() + "/" + PRINCIPALS + "/";
        String base = req.getContextPath() + "/" + CALENDARS + "/";
        if (segments.size() == 1) {
            DavAccount me = calendars.signIn(login);
            ms.answer(base, asked, List.of(Prop.elements(Dav.RESOURCETYPE, Dav.COLLECTION),
                    Prop.hrefs(Dav.CURRENT_USER_PRINCIPAL, principals + me.id() + "/")));
            multistatus(resp, ms);
            return;
        }
        long owner = owner(segments);
        String principal = principals + owner + "/";
        String home = base + owner + "/";
        if (segments.size() == 2) {
            List<CalDavCalendar> all = calendars.home(login, owner);
            ms.answer(home, asked, List.of(Prop.elements(Dav.RESOURCETYPE, Dav.COLLECTION),
                    Prop.hrefs(Dav.CURRENT_USER_PRINCIPAL, principal), Prop.hrefs(Dav.OWNER, principal),
                    Prop.privileges(Dav.dav("read"))));
            if (children) {
                all.forEach(c -> ms.answer(home + c.name() + "/", asked, calendarProps(principal, c)));
            }
        } else if (segments.size() == 3 && OUTBOX.equals(segments.get(2))) {
            calendars.outbox(login, owner);
            ms.answer(home + OUTBOX + "/", asked, List.of(Prop.elements(Dav.RESOURCETYPE, Dav.COLLECTION,
                    Dav.SCHEDULE_OUTBOX), Prop.hrefs(Dav.OWNER, principal), Prop.privileges(Dav.dav("read"),
                    Dav.caldav("schedule-send"))));
        } else if (segments.size() == 3) {
            CalDavCalendar c = calendars.calendar(login, owner, calendar(segments), children);
            String at = home + c.name() + "/";
            ms.answer(at, asked, calendarProps(principal, c));
            c.objects().forEach(o -> ms.answer(at + DavPath.encode(o.name()), asked, objectProps(o)));
        } else {
            DavCard o = calendars.objects(login, owner, calendar(segments), List.of(segments.get(3))).stream()
                    .findFirst().orElseThrow(DavRefusal::notFound);
            ms.answer(home + segments.get(2) + "/" + DavPath.encode(o.name()), asked, objectProps(o));
        }
        multistatus(resp, ms);
    }

    @Override
    protected void report(HttpServletRequest req, HttpServletResponse resp, DavLogin login, List<String> segments)
            throws IOException {
        byte[] body = body(req, DavRequest.MAX_BYTES);
        DavRequest asked = DavRequest.report(body);
        if (segments.size() != 3) {
            calendars.signIn(login);
            throw new DavRefusal(403, Dav.dav("supported-report"), "dav.report");
        }
        long owner = owner(segments);
        long calendar = calendar(segments);
        String at = req.getContextPath() + "/" + CALENDARS + "/" + owner + "/" + calendar + "/";
        Multistatus ms = new Multistatus();
        switch (asked.kind()) {
            case MULTIGET -> multiget(asked, segments, at, ms, names -> calendars.objects(login, owner, calendar,
                    names), CalDavServlet::objectProps);
            case QUERY -> calendars.query(login, owner, calendar, CalendarFilter.of(body))
                    .forEach(o -> ms.answer(at + DavPath.encode(o.name()), asked, objectProps(o)));
            case SYNC -> {
                DavChanges changes = calendars.changes(login, owner, calendar, asked.syncToken());
                synced(changes, at, asked, ms, CalDavServlet::objectProps);
            }
            default -> throw new DavRefusal(403, Dav.dav("supported-report"), "dav.report");
        }
        multistatus(resp, ms);
    }

    @Override
    protected void get(HttpServletResponse resp, DavLogin login, List<String> segments, boolean head)
            throws IOException {
        onAResource(segments, login, new DavRefusal(405, null, "dav.method"));
        DavCard o = calendars.objects(login, owner(segments), calendar(segments), List.of(segments.get(3))).stream()
                .findFirst().orElseThrow(DavRefusal::notFound);
        serve(resp, ICS, o, head);
    }

    @Override
    protected void put(HttpServletRequest req, HttpServletResponse resp, DavLogin login, List<String> segments)
            throws IOException {
        onAResource(segments, login, new DavRefusal(405, null, "dav.method"));
        String type = req.getContentType();
        if (type != null && !type.toLowerCase(Locale.ROOT).startsWith("text/calendar")) {
            calendars.signIn(login);
            throw new DavRefusal(415, Dav.caldav("supported-calendar-data"), "caldav.notCalendar");
        }
        String text = new String(body(req, MAX_OBJECT_BYTES), StandardCharsets.UTF_8);
        DavWrite written = calendars.put(login, owner(segments), calendar(segments), segments.get(3), text,
                req.getHeader("If-Match"), req.getHeader("If-None-Match"));
        resp.setHeader("ETag", written.etag());
        resp.setStatus(written.created() ? HttpServletResponse.SC_CREATED : HttpServletResponse.SC_NO_CONTENT);
    }

    @Override
    protected void delete(HttpServletRequest req, HttpServletResponse resp, DavLogin login, List<String> segments) {
        if (segments.size() != 4) {
            calendars.signIn(login);
            throw new DavRefusal(403, Dav.NEED_PRIVILEGES, "caldav.readOnly");
        }
        calendars.delete(login, owner(segments), calendar(segments), segments.get(3), req.getHeader("If-Match"),
                req.getHeader("If-None-Match"));
        resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** A free/busy request to the caller's scheduling outbox (RFC 6638 §5): busy periods only, per attendee. */
    @Override
    protected void post(HttpServletRequest req, HttpServletResponse resp, DavLogin login, List<String> segments)
            throws IOException {
        if (segments.size() != 3 || !OUTBOX.equals(segments.get(2))) {
            super.post(req, resp, login, segments);
            return;
        }
        long owner = owner(segments);
        Map<String, String> replies = calendars.freeBusy(login, owner, new String(body(req, MAX_OBJECT_BYTES),
                StandardCharsets.UTF_8));
        byte[] xml = Multistatus.schedule(replies).getBytes(StandardCharsets.UTF_8);
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType(XML);
        resp.setContentLength(xml.length);
        resp.getOutputStream().write(xml);
    }

    private static List<Prop> calendarProps(String principal, CalDavCalendar c) {
        return List.of(Prop.elements(Dav.RESOURCETYPE, Dav.COLLECTION, Dav.CALENDAR),
                Prop.text(Dav.DISPLAYNAME, c.displayName()), Prop.text(Dav.CALENDAR_COLOR, c.colour()),
                Prop.hrefs(Dav.OWNER, principal), Prop.hrefs(Dav.CURRENT_USER_PRINCIPAL, principal),
                Prop.components(Dav.SUPPORTED_CALENDAR_COMPONENT_SET, "VEVENT"),
                Prop.text(Dav.GETCTAG, c.syncToken()), Prop.text(Dav.SYNC_TOKEN, c.syncToken()),
                privileges(c.writable()),
                Prop.reports(Dav.CALENDAR_MULTIGET, Dav.CALENDAR_QUERY, Dav.SYNC_COLLECTION));
    }

    private static List<Prop> objectProps(DavCard o) {
        return resourceProps(o, "text/calendar; charset=utf-8; component=vevent", Dav.CALENDAR_DATA);
    }

    private static long calendar(List<String> segments) {
        String id = segments.get(2);
        if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            throw DavRefusal.notFound();
        }
        return Long.parseLong(id);
    }
}
