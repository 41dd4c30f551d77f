package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import fr.preau.testing.TestUser;
import org.junit.jupiter.api.Test;

/**
 * CalDAV (issue 14, item 4; docs/adr/0107) on the running portal. Crafted requests: discovery from
 * {@code /.well-known/caldav} through the principal CardDAV shares, ETags and {@code If-Match}, a calendar-query whose
 * time range meets one occurrence of a weekly lesson only if it was expanded in Europe/Paris across the October
 * change, multiget, sync-collection with a change, a deletion and an unknown token, objects refused with a reason;
 * privacy: other accounts' credentials on my calendar, a colleague who sees details gets my private event as busy
 * times only and may not write. Then Debian's vdirsyncer syncs a "phone" folder both ways.
 */
class CalDavIT extends DavDeployment {
    private static final String ICS = "text/calendar; charset=utf-8";
    private final String run = (UUID.randomUUID().toString().replaceAll("[^a-z]", "") + "qwxyz").substring(0, 5);

    @Test
    void clientsFindTheirCalendarsReadWriteQueryAndSyncThem() throws Exception {
        String password = "Conseil-de-classe-2026-" + UUID.randomUUID().toString().substring(0, 6) + "!";
        String owner = TestUser.create("it.cal-" + run, "Carole", "Calendrier", password, false);
        long me = number("select id from account where address = ?", owner);
        String app = basic(owner, appPassword(me));

        HttpResponse<String> wellKnown = send("PROPFIND", "/.well-known/caldav", null, null);
        assertEquals(301, wellKnown.statusCode());
        assertEquals("/dav/", URI.create(Browser.portal()).resolve(wellKnown.headers().firstValue("Location")
                .orElseThrow()).getPath());
        HttpResponse<String> principal = send("PROPFIND", "/dav/" + me + "/", basic(owner, password),
                propfind("<cal:calendar-home-set/><cal:calendar-user-address-set/><cal:schedule-outbox-URL/>"
                        + "<d:current-user-principal/>"
                        + "<card:addressbook-home-set/>"), "Depth", "0");
        assertEquals(207, principal.statusCode(), principal.body());
        String home = "/caldav/" + me + "/";
        assertTrue(principal.body().contains("<cal:calendar-home-set><d:href>" + home + "</d:href>"),
                principal.body());
        assertTrue(principal.body().contains("<d:href>mailto:" + owner + "</d:href>"), principal.body());
        assertTrue(principal.body().contains("<cal:schedule-outbox-URL><d:href>" + home + "outbox/</d:href>"),
                principal.body());
        assertTrue(principal.body().contains("<card:addressbook-home-set><d:href>/dav/" + me + "/</d:href>"),
                "one principal for both: " + principal.body());

        HttpResponse<String> listed = send("PROPFIND", home, app, propfind("<d:resourcetype/><d:displayname/>"
                + "<ical:calendar-color/><cal:supported-calendar-component-set/><cs:getctag/><d:sync-token/>"
                + "<d:current-user-privilege-set/>"), "Depth", "1");
        assertEquals(207, listed.statusCode(), listed.body());
        long calendar = number("select id from agenda_calendar where account_id = ? and is_default", me);
        String at = home + calendar + "/";
        assertTrue(listed.body().contains("<d:href>" + at + "</d:href>"), "the default calendar, made on first use");
        for (String expected : List.of("<cal:calendar", "<d:displayname>Agenda</d:displayname>",
                "<ical:calendar-color>#1d6fb8</ical:calendar-color>", "<cal:comp name=\"VEVENT\"",
                "<cs:getctag>urn:x-preau:sync:agenda-" + calendar + ":", "<d:write")) {
            assertTrue(listed.body().contains(expected), expected + " in " + listed.body());
        }

        // A weekly 8:00 lesson from a client, with an alarm and a property of its own: stored and served as sent.
        String lesson = "cours-" + run + "@exemple.fr";
        String lessonText = event(lesson, "Physique 2nde B", "20261005T080000", "20261005T090000",
                "RRULE:FREQ=WEEKLY;COUNT=8\r\nLOCATION:Salle 12\r\nX-CLIENT-COLOUR:vert\r\nBEGIN:VALARM\r\n"
                        + "ACTION:DISPLAY\r\nDESCRIPTION:Cours\r\nTRIGGER:-PT10M\r\nEND:VALARM\r\n");
        String lessonHref = at + lesson + ".ics";
        HttpResponse<String> created = put(lessonHref, app, lessonText, "If-None-Match", "*");
        assertEquals(201, created.statusCode(), created.body());
        String etag = created.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> read = send("GET", lessonHref, app, null);
        assertEquals(200, read.statusCode());
        assertEquals(lessonText, read.body());
        assertEquals(etag, read.headers().firstValue("ETag").orElseThrow());
        assertEquals(412, put(lessonHref, app, lessonText, "If-None-Match", "*").statusCode());

        // A one-off event under a name of the client's own (iOS names objects after its ids, not their UIDs).
        String meeting = "reunion-" + run + "@exemple.fr";
        String meetingHref = at + "A1B2-" + run + ".ics";
        assertEquals(201, put(meetingHref, app, event(meeting, "Conseil pédagogique", "20261028T140000",
                "20261028T160000", ""), "If-None-Match", "*").statusCode());
        assertEquals(409, put(at + "autre-" + run + ".ics", app, event(meeting, "Doublon", "20261028T140000",
                "20261028T160000", "")).statusCode(), "a second object with that UID");

        // Objects the agenda refuses: a clear reason, nothing stored.
        HttpResponse<String> task = put(at + "tache.ics", app, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//FR"
                + "\r\nBEGIN:VTODO\r\nUID:t-" + run + "\r\nDTSTAMP:20261001T080000Z\r\nSUMMARY:Copies\r\nEND:VTODO"
                + "\r\nEND:VCALENDAR\r\n");
        assertEquals(403, task.statusCode());
        assertTrue(task.body().contains("supported-calendar-component") && task.body().contains("pas de tâches"),
                task.body());
        HttpResponse<String> garbage = put(at + "casse.ics", app, "BEGIN:VCALENDAR\r\nceci n'est pas un agenda");
        assertEquals(403, garbage.statusCode());
        assertTrue(garbage.body().contains("valid-calendar-data") && garbage.body().contains("iCalendar"),
                garbage.body());
        assertEquals(2, number("select count(*) from agenda_event where calendar_id = ?", calendar));

        // calendar-query: 07:00–07:30 UTC on Monday 26 October is 8:00 in Paris after the change back to winter
        // time (a lesson expanded in UTC would sit at 06:00 UTC there); the meeting of the 28th is not in it.
        HttpResponse<String> monday = send("REPORT", at, app, query("20261026T070000Z", "20261026T073000Z"),
                "Depth", "1");
        assertEquals(207, monday.statusCode(), monday.body());
        assertTrue(monday.body().contains(lessonHref) && monday.body().contains("Physique 2nde B"), monday.body());
        assertFalse(monday.body().contains(meetingHref), monday.body());
        HttpResponse<String> early = send("REPORT", at, app, query("20261026T060000Z", "20261026T070000Z"),
                "Depth", "1");
        assertFalse(early.body().contains(lessonHref), "no lesson at 7:00 in Paris: " + early.body());
        assertTrue(send("REPORT", at, app, query("20261028T130000Z", "20261028T140000Z"), "Depth", "1").body()
                .contains(meetingHref));

        // calendar-multiget: what exists, and 404 for what does not.
        HttpResponse<String> multiget = send("REPORT", at, app, "<?xml version=\"1.0\"?><cal:calendar-multiget"
                + " xmlns:d=\"DAV:\" xmlns:cal=\"urn:ietf:params:xml:ns:caldav\"><d:prop><d:getetag/>"
                + "<cal:calendar-data/></d:prop><d:href>" + lessonHref + "</d:href><d:href>" + meetingHref
                + "</d:href><d:href>" + at + "absent.ics</d:href></cal:calendar-multiget>", "Depth", "1");
        assertEquals(207, multiget.statusCode(), multiget.body());
        assertTrue(multiget.body().contains("Conseil pédagogique") && multiget.body().contains("X-CLIENT-COLOUR"),
                multiget.body());
        assertTrue(gone(multiget.body(), at + "absent.ics"), multiget.body());

        // sync-collection: everything, then a change and a deletion (under the client's name), an unknown token.
        HttpResponse<String> first = send("REPORT", at, app, sync(""));
        assertEquals(207, first.statusCode(), first.body());
        assertTrue(first.body().contains(lessonHref) && first.body().contains(meetingHref), first.body());
        String since0 = syncToken(first.body());
        HttpResponse<String> changed = put(lessonHref, app, lessonText.replace("Salle 12", "Salle 14"),
                "If-Match", etag);
        assertEquals(204, changed.statusCode(), changed.body());
        assertNotEquals(etag, changed.headers().firstValue("ETag").orElseThrow());
        assertEquals(412, put(lessonHref, app, lessonText, "If-Match", etag).statusCode(), "a stale ETag");
        assertEquals(412, send("DELETE", lessonHref, app, null, "If-Match", etag).statusCode());
        assertEquals(204, send("DELETE", meetingHref, app, null).statusCode());
        HttpResponse<String> since = send("REPORT", at, app, sync(since0));
        assertEquals(207, since.statusCode(), since.body());
        assertTrue(since.body().contains(lessonHref), since.body());
        assertTrue(gone(since.body(), meetingHref), "the deletion: " + since.body());
        assertNotEquals(since0, syncToken(since.body()));
        HttpResponse<String> unknown = send("REPORT", at, app, sync("urn:x-preau:sync:agenda-" + calendar + ":"
                + 999_999_999));
        assertEquals(403, unknown.statusCode());
        assertTrue(unknown.body().contains("valid-sync-token"), unknown.body());
    }

    @Test
    void colleaguesGetOnlyWhatTheyMaySeeAndStrangersNothing() throws Exception {
        String password = "Salle-des-profs-2026-" + UUID.randomUUID().toString().substring(0, 6) + "!";
        String owner = TestUser.create("it.calp-" + run, "Pauline", "Privee", password, false);
        String reader = TestUser.create("it.calr-" + run, "Romain", "Lecteur", password, false);
        long me = number("select id from account where address = ?", owner);
        long them = number("select id from account where address = ?", reader);
        String mine = basic(owner, appPassword(me));
        String readerApp = appPassword(them);
        String theirs = basic(reader, readerApp);
        // The owner's first visit makes the default calendar.
        assertEquals(207, send("PROPFIND", "/caldav/" + me + "/", mine, propfind("<d:resourcetype/>"), "Depth", "1")
                .statusCode());
        long calendar = number("select id from agenda_calendar where account_id = ? and is_default", me);
        String at = "/caldav/" + me + "/" + calendar + "/";
        String secret = "rdv-" + run;
        assertEquals(201, put(at + secret + ".ics", mine, event(secret, "Rendez-vous médical", "20261103T170000",
                "20261103T180000", "CLASS:PRIVATE\r\nLOCATION:Clinique du Parc\r\nDESCRIPTION:Bilan annuel\r\n"
                        + "ATTENDEE:mailto:docteur@exemple.fr\r\n")).statusCode());
        String open = "cours-" + run;
        assertEquals(201, put(at + open + ".ics", mine, event(open, "Chimie 1re C", "20261103T100000",
                "20261103T110000", "LOCATION:Labo 2\r\n")).statusCode());
        String token = text("select sync_token from agenda_calendar where id = ?", calendar);
        // The school holidays' calendar is read-only, for its owner too (ADR 0110): a client's write gets 403.
        PortalDatabase.update("insert into agenda_calendar (account_id, uid, name, colour, holidays) values"
                + " (?::bigint, ?, 'Vacances scolaires', '#2e7d32', true)", String.valueOf(me), "vacances-" + run);
        long holidays = number("select id from agenda_calendar where account_id = ? and holidays", me);
        assertEquals(403, put("/caldav/" + me + "/" + holidays + "/ajout.ics", mine, event("ajout-" + run, "Ajout",
                "20261104T100000", "20261104T110000", "")).statusCode(), "the holidays are read-only");

        // Without a grant a colleague sees me only as busy: my calendar is not theirs to read over CalDAV (404),
        // under my home or theirs; their password with my login is refused (401).
        String theirAt = "/caldav/" + them + "/" + calendar + "/";
        assertEquals(404, send("PROPFIND", theirAt, theirs, propfind("<d:getetag/>"), "Depth", "1").statusCode());
        assertEquals(404, send("GET", theirAt + secret + ".ics", theirs, null).statusCode());
        assertEquals(404, send("GET", at + secret + ".ics", theirs, null).statusCode());
        assertEquals(404, send("PROPFIND", "/caldav/" + me + "/", theirs, propfind("<d:getetag/>"), "Depth", "1")
                .statusCode());
        assertEquals(404, put(at + "intrus.ics", theirs, event("intrus-" + run, "Intrus", "20261104T100000",
                "20261104T110000", "")).statusCode());
        assertEquals(401, send("GET", at + secret + ".ics", basic(owner, readerApp), null).statusCode(),
                "another account's app password with my login");

        // Free/busy from their scheduling outbox (RFC 6638): every colleague may know when I am busy, nothing more;
        // an address that is no account is said unknown; my outbox is not theirs.
        String request = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Client//FR\r\nMETHOD:REQUEST\r\n"
                + "BEGIN:VFREEBUSY\r\nUID:fb-" + run + "\r\nDTSTAMP:20261001T080000Z\r\nDTSTART:20261103T000000Z"
                + "\r\nDTEND:20261104T000000Z\r\nORGANIZER:mailto:" + reader + "\r\nATTENDEE:mailto:" + owner
                + "\r\nATTENDEE:mailto:personne-" + run + "@exemple.fr\r\nEND:VFREEBUSY\r\nEND:VCALENDAR\r\n";
        HttpResponse<String> freeBusy = send("POST", "/caldav/" + them + "/outbox/", theirs, request,
                "Content-Type", ICS);
        assertEquals(200, freeBusy.statusCode(), freeBusy.body());
        assertTrue(freeBusy.body().contains("FREEBUSY;FBTYPE=BUSY:20261103T090000Z/20261103T100000Z")
                && freeBusy.body().contains("FREEBUSY;FBTYPE=BUSY:20261103T160000Z/20261103T170000Z"), freeBusy.body());
        assertTrue(freeBusy.body().contains("3.7;"), "the unknown address: " + freeBusy.body());
        assertFalse(freeBusy.body().contains("Chimie") || freeBusy.body().contains("Labo"), freeBusy.body());
        assertEquals(404, send("POST", "/caldav/" + me + "/outbox/", theirs, request, "Content-Type", ICS)
                .statusCode());

        // "Voir les détails": the calendar in their home, read-only; my private event as busy times only.
        PortalDatabase.update("insert into agenda_share (calendar_id, grantee_id, level) values (?::bigint,"
                + " ?::bigint, 'details')", String.valueOf(calendar), String.valueOf(them));
        HttpResponse<String> theirHome = send("PROPFIND", "/caldav/" + them + "/", theirs, propfind(
                "<d:displayname/><d:current-user-privilege-set/>"), "Depth", "1");
        assertTrue(theirHome.body().contains("<d:href>" + theirAt + "</d:href>"), theirHome.body());
        String shared = theirHome.body().substring(theirHome.body().indexOf("<d:href>" + theirAt + "</d:href>"));
        shared = shared.substring(0, shared.indexOf("</d:response>"));
        assertTrue(shared.contains("Agenda — Pauline Privee"), shared);
        assertFalse(shared.contains("<d:write"), "read-only: " + shared);
        HttpResponse<String> busy = send("GET", theirAt + secret + ".ics", theirs, null);
        assertEquals(200, busy.statusCode());
        assertTrue(busy.body().contains("SUMMARY:Occupé") && busy.body().contains("UID:" + secret)
                && busy.body().contains("20261103T170000"), busy.body());
        List<String> answers = List.of(busy.body(), freeBusy.body(),
                send("PROPFIND", theirAt, theirs, propfind("<d:getetag/><cal:calendar-data/>"), "Depth", "1").body(),
                send("REPORT", theirAt, theirs, query("20261103T000000Z", "20261104T000000Z"), "Depth", "1").body(),
                send("REPORT", theirAt, theirs, sync("")).body());
        for (String answer : answers) {
            for (String leak : List.of("médical", "Clinique", "Bilan", "docteur", "PRIVATE")) {
                assertFalse(answer.contains(leak), leak + " in " + answer);
            }
        }
        assertTrue(answers.get(3).contains("Chimie 1re C") && answers.get(3).contains("Labo 2"),
                "an ordinary event in full: " + answers.get(3));
        HttpResponse<String> write = put(theirAt + open + ".ics", theirs, event(open, "Chimie annulée",
                "20261103T100000", "20261103T110000", ""));
        assertEquals(403, write.statusCode());
        assertTrue(write.body().contains("need-privileges"), write.body());
        assertEquals(403, send("DELETE", theirAt + secret + ".ics", theirs, null).statusCode());
        assertEquals(403, put(theirAt + "neuf.ics", theirs, event("neuf-" + run, "Neuf", "20261104T100000",
                "20261104T110000", "")).statusCode());
        assertEquals(token, text("select sync_token from agenda_calendar where id = ?", calendar), "nothing changed");
        assertTrue(send("GET", at + open + ".ics", mine, null).body().contains("Chimie 1re C"));

        // A delegate with the agenda right "modifier" (ADR 0103, through AgendaRights): my calendar in their home,
        // writable, but not my private event; once the delegation has ended, nothing (404).
        String helper = TestUser.create("it.cald-" + run, "Denise", "Deleguee", password, false);
        long delegate = number("select id from account where address = ?", helper);
        String theirs2 = basic(helper, appPassword(delegate));
        PortalDatabase.update("insert into delegation (owner_id, delegate_id, mail_access, agenda_access, status,"
                + " granted_by, granted_at, accepted_at, acl_identifier) values (?::bigint, ?::bigint, 'none', 'edit',"
                + " 'active', 'it', now(), now(), ?)", String.valueOf(me), String.valueOf(delegate), helper);
        String delegateAt = "/caldav/" + delegate + "/" + calendar + "/";
        HttpResponse<String> delegateHome = send("PROPFIND", "/caldav/" + delegate + "/", theirs2,
                propfind("<d:current-user-privilege-set/>"), "Depth", "1");
        assertTrue(delegateHome.body().contains("<d:href>" + delegateAt + "</d:href>"), delegateHome.body());
        assertEquals(204, put(delegateAt + open + ".ics", theirs2, event(open, "Chimie 1re C (TP)",
                "20261103T100000", "20261103T110000", "LOCATION:Labo 2\r\n")).statusCode());
        assertEquals(403, put(delegateAt + secret + ".ics", theirs2, event(secret, "Effacé", "20261103T170000",
                "20261103T180000", "")).statusCode(), "my private event stays mine");
        assertFalse(send("GET", delegateAt + secret + ".ics", theirs2, null).body().contains("médical"));
        PortalDatabase.update("update delegation set ends_at = now() where delegate_id = ?::bigint",
                String.valueOf(delegate));
        assertEquals(404, send("GET", delegateAt + open + ".ics", theirs2, null).statusCode(), "ended");
    }

    @Test
    void vdirsyncerSyncsAPhoneBothWays() throws Exception {
        String password = "Emploi-du-temps-2026-" + UUID.randomUUID().toString().substring(0, 6) + "!";
        String address = TestUser.create("it.calv-" + run, "Valentin", "Synchro", password, false);
        long me = number("select id from account where address = ?", address);
        String other = basic(address, appPassword(me));
        assertEquals(207, send("PROPFIND", "/caldav/" + me + "/", other, propfind("<d:resourcetype/>"), "Depth",
                "1").statusCode());
        long calendar = number("select id from agenda_calendar where account_id = ? and is_default", me);
        String at = "/caldav/" + me + "/" + calendar + "/";
        // Already in the portal, written by another device (the portal's own side of this sync).
        String desk = "bureau-" + run;
        HttpResponse<String> deskPut = put(at + desk + ".ics", other, event(desk, "Réunion parents-profs",
                "20261112T180000", "20261112T200000", ""));
        assertEquals(201, deskPut.statusCode());

        Path dir = Files.createTempDirectory("vdirsyncer-cal-");
        Path phone = Files.createDirectories(dir.resolve("phone"));
        Path events = Files.createDirectories(phone.resolve(String.valueOf(calendar)));
        Path config = dir.resolve("config");
        Files.writeString(config, "[general]\nstatus_path = \"" + dir.resolve("status") + "/\"\n\n"
                + "[pair agenda]\na = \"phone\"\nb = \"portal\"\ncollections = [\"" + calendar + "\"]\n\n"
                + storage("phone", "type = \"filesystem\"\npath = \"" + phone + "/\"\nfileext = \".ics\"")
                + storage("portal", "type = \"caldav\"\nurl = \"" + Browser.portal() + "/dav/\"\nusername = \""
                        + address + "\"\npassword = \"" + appPassword(me) + "\""));
        String lesson = "tel-" + run + "-cours";
        String club = "tel-" + run + "-club";
        String stays = "tel-" + run + "-reste";
        Files.writeString(events.resolve(lesson + ".ics"), event(lesson, "Maths 3e A", "20261109T080000",
                "20261109T090000", "RRULE:FREQ=WEEKLY;UNTIL=20270702T220000Z\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\n"
                        + "DESCRIPTION:Maths\r\nTRIGGER:-PT5M\r\nEND:VALARM\r\n"));
        Files.writeString(events.resolve(club + ".ics"), event(club, "Club théâtre", "20261110T123000",
                "20261110T133000", ""));
        Files.writeString(events.resolve(stays + ".ics"), event(stays, "Sortie au musée", "20261120T090000",
                "20261120T170000", "X-PHONE-ONLY:garde-moi\r\n"));
        vdirsyncer(config, "discover");
        vdirsyncer(config, "sync");
        assertEquals(4, number("select count(*) from agenda_event where calendar_id = ?", calendar));
        assertTrue(text("select ical from agenda_event where uid = ?", stays).contains("X-PHONE-ONLY:garde-moi"));
        assertTrue(Files.readString(events.resolve(desk + ".ics")).contains("Réunion parents-profs"));

        // A second sync changes nothing, on either side.
        String token = text("select sync_token from agenda_calendar where id = ?", calendar);
        List<String> files = snapshot(events);
        vdirsyncer(config, "sync");
        assertEquals(token, text("select sync_token from agenda_calendar where id = ?", calendar));
        assertEquals(files, snapshot(events));

        // Changed and deleted on the phone.
        Files.writeString(events.resolve(lesson + ".ics"), Files.readString(events.resolve(lesson + ".ics"))
                .replace("Maths 3e A", "Maths 3e A (salle 8)"));
        Files.delete(events.resolve(club + ".ics"));
        vdirsyncer(config, "sync");
        String stored = text("select ical from agenda_event where uid = ?", lesson);
        assertTrue(stored.contains("Maths 3e A (salle 8)") && stored.contains("TRIGGER:-PT5M"), stored);
        assertEquals(0, number("select count(*) from agenda_event where uid = ?", club));

        // Changed and deleted on the portal's side.
        String deskEtag = send("GET", at + desk + ".ics", other, null).headers().firstValue("ETag").orElseThrow();
        assertEquals(204, put(at + desk + ".ics", other, event(desk, "Réunion parents-profs (reportée)",
                "20261119T180000", "20261119T200000", ""), "If-Match", deskEtag).statusCode());
        assertEquals(204, send("DELETE", at + lesson + ".ics", other, null).statusCode());
        vdirsyncer(config, "sync");
        assertTrue(Files.readString(events.resolve(desk + ".ics")).contains("(reportée)"));
        assertFalse(Files.exists(events.resolve(lesson + ".ics")), "deleted in the portal, gone on the phone");
        assertEquals(List.of(desk + ".ics", stays + ".ics"), snapshot(events).stream()
                .map(f -> f.substring(0, f.indexOf('\n'))).toList());
        token = text("select sync_token from agenda_calendar where id = ?", calendar);
        files = snapshot(events);
        vdirsyncer(config, "sync");
        assertEquals(token, text("select sync_token from agenda_calendar where id = ?", calendar));
        assertEquals(files, snapshot(events));
        remove(dir);
    }

    private static boolean gone(String multistatus, String href) {
        return Pattern.compile("<d:href>" + Pattern.quote(href) + "</d:href>\\s*<d:status>HTTP/1.1 404")
                .matcher(multistatus).find();
    }

    private static String event(String uid, String summary, String start, String end, String extra) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Client//CalDavIT//FR\r\nBEGIN:VEVENT\r\nUID:" + uid
                + "\r\nDTSTAMP:20261001T080000Z\r\nDTSTART;TZID=Europe/Paris:" + start
                + "\r\nDTEND;TZID=Europe/Paris:" + end + "\r\nSUMMARY:" + summary + "\r\n" + extra
                + "END:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    private static String propfind(String props) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:propfind xmlns:d=\"DAV:\""
                + " xmlns:card=\"urn:ietf:params:xml:ns:carddav\" xmlns:cal=\"urn:ietf:params:xml:ns:caldav\""
                + " xmlns:cs=\"http://calendarserver.org/ns/\" xmlns:ical=\"http://apple.com/ns/ical/\"><d:prop>"
                + props + "</d:prop></d:propfind>";
    }

    private static String query(String start, String end) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><cal:calendar-query xmlns:d=\"DAV:\""
                + " xmlns:cal=\"urn:ietf:params:xml:ns:caldav\"><d:prop><d:getetag/><cal:calendar-data/></d:prop>"
                + "<cal:filter><cal:comp-filter name=\"VCALENDAR\"><cal:comp-filter name=\"VEVENT\">"
                + "<cal:time-range start=\"" + start + "\" end=\"" + end + "\"/></cal:comp-filter></cal:comp-filter>"
                + "</cal:filter></cal:calendar-query>";
    }

    private static String sync(String token) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><d:sync-collection xmlns:d=\"DAV:\""
                + " xmlns:cal=\"urn:ietf:params:xml:ns:caldav\"><d:sync-token>" + token + "</d:sync-token>"
                + "<d:sync-level>1</d:sync-level><d:prop><d:getetag/><cal:calendar-data/></d:prop>"
                + "</d:sync-collection>";
    }

    private HttpResponse<String> put(String path, String authorization, String text, String... headers)
            throws Exception {
        return upload(ICS, path, authorization, text, headers);
    }
}
