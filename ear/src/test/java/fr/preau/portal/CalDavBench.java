package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import fr.preau.testing.TestUser;
import org.junit.jupiter.api.Test;

/**
 * On demand only ({@code -Dit.test=CalDavBench}; the suite runs {@code *IT}): a school year of lessons written by a
 * client over CalDAV (25 weekly lessons from September to July, each with two cancelled and one moved occurrence,
 * and 200 one-off events), then a phone's first sync and an empty re-sync, as raw sync-collection reports and with
 * Debian's vdirsyncer, and a month's calendar-query. The figures are printed (docs/benchmarks.md, "Agenda: a school
 * year").
 */
class CalDavBench extends DavDeployment {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int ROUNDS = Integer.getInteger("preau.bench.runs", 5);

    @Test
    void aSchoolYearSyncedOverCalDav() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 5);
        String address = TestUser.create("it.calbench-" + run, "Benoit", "Banc", "Banc-d-essai-2026-" + run + "!",
                false);
        long me = number("select id from account where address = ?", address);
        String appPassword = appPassword(me);
        String auth = basic(address, appPassword);
        assertEquals(207, send("PROPFIND", "/caldav/" + me + "/", auth, "", "Depth", "1").statusCode());
        long calendar = number("select id from agenda_calendar where account_id = ? and is_default", me);
        String at = "/caldav/" + me + "/" + calendar + "/";

        long t = System.nanoTime();
        LocalDate monday = LocalDate.of(2026, 9, 7);
        int[] hours = {8, 9, 10, 14, 15};
        for (int day = 0; day < 5; day++) {
            for (int slot = 0; slot < hours.length; slot++) {
                String uid = "cours-" + run + "-" + (day * 5 + slot);
                String d = DAY.format(monday.plusDays(day));
                String h = String.format("%02d", hours[slot]);
                String cancelled = DAY.format(monday.plusDays(day).plusWeeks(7)) + "T" + h + "0000,"
                        + DAY.format(monday.plusDays(day).plusWeeks(8)) + "T" + h + "0000";
                String moved = DAY.format(monday.plusDays(day).plusWeeks(12));
                String text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Bench//FR\r\nBEGIN:VEVENT\r\nUID:" + uid
                        + "\r\nDTSTAMP:20260901T080000Z\r\nDTSTART;TZID=Europe/Paris:" + d + "T" + h + "0000\r\n"
                        + "DTEND;TZID=Europe/Paris:" + d + "T" + h + "5500\r\nRRULE:FREQ=WEEKLY;UNTIL=20270702T215959Z"
                        + "\r\nEXDATE;TZID=Europe/Paris:" + cancelled + "\r\nSUMMARY:Cours " + uid + "\r\n"
                        + "LOCATION:Salle " + slot + "\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:" + uid
                        + "\r\nDTSTAMP:20260901T080000Z\r\nRECURRENCE-ID;TZID=Europe/Paris:" + moved + "T" + h
                        + "0000\r\nDTSTART;TZID=Europe/Paris:" + moved + "T17" + "0000\r\nDTEND;TZID=Europe/Paris:"
                        + moved + "T175500\r\nSUMMARY:Cours déplacé\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
                assertEquals(201, upload("text/calendar", at + uid + ".ics", auth, text).statusCode());
            }
        }
        for (int i = 0; i < 200; i++) {
            String uid = "reunion-" + run + "-" + i;
            String d = DAY.format(monday.plusDays(i * 293L / 200));
            String h = String.format("%02d", 12 + i % 6);
            assertEquals(201, upload("text/calendar", at + uid + ".ics", auth, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                    + "PRODID:-//Bench//FR\r\nBEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20260901T080000Z\r\n"
                    + "DTSTART;TZID=Europe/Paris:" + d + "T" + h + "3000\r\nDTEND;TZID=Europe/Paris:" + d + "T" + h
                    + "5900\r\nSUMMARY:Réunion " + i + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").statusCode());
        }
        print("225 objects written with PUT", (System.nanoTime() - t) / 1e6, 0);

        String first = "<?xml version=\"1.0\"?><d:sync-collection xmlns:d=\"DAV:\""
                + " xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:sync-token>%s</d:sync-token><d:sync-level>1"
                + "</d:sync-level><d:prop><d:getetag/><c:calendar-data/></d:prop></d:sync-collection>";
        String token = "";
        int bytes = 0;
        List<Double> full = new ArrayList<>();
        List<Double> empty = new ArrayList<>();
        List<Double> month = new ArrayList<>();
        String query = "<?xml version=\"1.0\"?><c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:"
                + "caldav\"><d:prop><d:getetag/><c:calendar-data/></d:prop><c:filter><c:comp-filter name=\"VCALENDAR"
                + "\"><c:comp-filter name=\"VEVENT\"><c:time-range start=\"20261026T000000Z\" end=\"20261207T000000Z"
                + "\"/></c:comp-filter></c:comp-filter></c:filter></c:calendar-query>";
        for (int round = -1; round < ROUNDS; round++) {
            long a = System.nanoTime();
            HttpResponse<String> all = send("REPORT", at, auth, String.format(first, ""));
            long b = System.nanoTime();
            token = syncToken(all.body());
            HttpResponse<String> none = send("REPORT", at, auth, String.format(first, token));
            long c = System.nanoTime();
            send("REPORT", at, auth, query, "Depth", "1");
            long e = System.nanoTime();
            assertEquals(207, none.statusCode());
            if (round >= 0) {
                full.add((b - a) / 1e6);
                empty.add((c - b) / 1e6);
                month.add((e - c) / 1e6);
                bytes = all.body().length();
            }
        }
        print("first sync, sync-collection of 225 objects with their data (" + bytes / 1024 + " KiB)",
                median(full), p90(full));
        print("empty re-sync, sync-collection from the current token", median(empty), p90(empty));
        print("calendar-query of a month view's six weeks with their data", median(month), p90(month));

        Path dir = Files.createTempDirectory("vdirsyncer-bench-");
        Path phone = Files.createDirectories(dir.resolve("phone"));
        Path config = dir.resolve("config");
        Files.writeString(config, "[general]\nstatus_path = \"" + dir.resolve("status") + "/\"\n\n"
                + "[pair agenda]\na = \"phone\"\nb = \"portal\"\ncollections = [\"" + calendar + "\"]\n\n"
                + storage("phone", "type = \"filesystem\"\npath = \"" + phone + "/\"\nfileext = \".ics\"")
                + storage("portal", "type = \"caldav\"\nurl = \"" + Browser.portal() + "/dav/\"\nusername = \""
                        + address + "\"\npassword = \"" + appPassword + "\""));
        t = System.nanoTime();
        vdirsyncer(config, "discover");
        print("vdirsyncer discover", (System.nanoTime() - t) / 1e6, 0);
        t = System.nanoTime();
        vdirsyncer(config, "sync");
        print("vdirsyncer first sync (225 files written)", (System.nanoTime() - t) / 1e6, 0);
        assertEquals(225, snapshot(phone.resolve(String.valueOf(calendar))).size());
        List<Double> resync = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            t = System.nanoTime();
            vdirsyncer(config, "sync");
            resync.add((System.nanoTime() - t) / 1e6);
        }
        print("vdirsyncer empty re-sync", median(resync), p90(resync));
        remove(dir);
    }

    private static double median(List<Double> times) {
        return times.stream().mapToDouble(Double::doubleValue).sorted().toArray()[times.size() / 2];
    }

    private static double p90(List<Double> times) {
        double[] s = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s[(int) Math.floor(s.length * 0.9)];
    }

    private static void print(String what, double median, double p90) {
        System.out.printf("CalDavBench: %s: %.0f ms%s%n", what, median, p90 > 0
                ? String.format(" (median; p90 %.0f ms)", p90) : "");
    }
}
