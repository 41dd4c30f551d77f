package fr.preau.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import fr.preau.testing.ImapProbe;
import fr.preau.testing.TestUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * "Annuaire" (issue 12, DIR-1; docs/adr/0099) in Chromium: a teacher finds colleagues of other establishments by a
 * few letters typed without accents, opens a card, writes to the person from it (and compose suggests directory
 * people as recipients); a colleague's personal phone is
 * never in the page unless that colleague chose to show it, and each user shows or hides their own; a person who
 * left is not found and their card is gone; an establishment's card lists its functional mailboxes and its staff.
 * axe-core finds nothing serious.
 */
class DirectoryBrowserIT extends PortalDeployment {
    private final String run = (UUID.randomUUID().toString().replaceAll("[^a-z]", "") + "qwxyz").substring(0, 5);

    @Test
    void aTeacherFindsAColleagueOpensTheCardAndWritesToThem() throws Exception {
        String password = "Cahier-de-textes-2026-" + UUID.randomUUID().toString().substring(0, 6) + "!";
        String username = "it.annuaire-" + run;
        String address = TestUser.create(username, "Inès", "Lecteur", password, false);
        String family = "Bérard" + run;
        String folded = "berard" + run;
        PortalDatabase.update("insert into establishment (uai, name, town, kind) values ('0389901A',"
                + " 'Collège Champollion', 'Grenoble', 'Collège') on conflict do nothing");
        PortalDatabase.update("insert into establishment (uai, name, town, kind) values ('0389902B',"
                + " 'Lycée Stendhal', 'Échirolles', 'Lycée') on conflict do nothing");
        person("A" + run, "Lecteur", "Inès", "ENS", "Anglais", "0389901A", address, "06 11 11 11 11", false,
                "lecteur ines enseignant anglais college champollion grenoble", username);
        person("B" + run, family, "Gérald", "ENS", "Mathématiques", "0389902B", "gerald." + folded
                + "@ac-preau.fr", "06 22 22 22 22", false, folded + " gerald enseignant mathematiques lycee stendhal"
                + " echirolles", null);
        person("C" + run, family, "Chloé", "CPE", null, "0389902B", null, "06 33 33 33 33", true,
                folded + " chloe conseiller principal deducation lycee stendhal echirolles", null);
        person("D" + run, family, "Parti", "ENS", "Mathématiques", "0389902B", null, null, false,
                folded + " parti enseignant mathematiques lycee stendhal echirolles", null);
        PortalDatabase.update("update directory_person set disabled_at = now() where hr_id = ?", "D" + run);
        PortalDatabase.update("insert into account (username, address, display_name, quota_class, establishment_uai)"
                + " values (?, ?, 'Vie scolaire du lycée Stendhal', 'fonctionnelle', '0389902B')"
                + " on conflict do nothing", "vie-scolaire." + folded, "vie-scolaire." + folded + "@ac-preau.fr");

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn(username, password);
            d.findElement(By.id("directory-link")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("qui")));
            assertTrue(d.findElement(By.id("mine")).getText().contains("Inès Lecteur"), "my entry");

            d.findElement(By.id("qui")).sendKeys(("BERARD" + run).toUpperCase(Locale.ROOT) + " math echirolles");
            d.findElement(By.id("directory-go")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".person-link")));
            List<String> found = d.findElements(By.cssSelector(".person-link")).stream()
                    .map(e -> e.getText()).toList();
            assertEquals(List.of(family + " Gérald"), found, "accents and case ignored, every word matched,"
                    + " the person who left not found");
            assertFalse(d.getPageSource().contains("06 22 22 22 22"), "a hidden personal phone is never sent");
            browser.screenshot("directory-01-results");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the results");

            d.findElement(By.cssSelector(".person-link")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("card-name")));
            assertEquals("Gérald " + family, d.findElement(By.id("card-name")).getText());
            assertEquals("Lycée Stendhal (0389902B), Échirolles",
                    d.findElement(By.id("card-establishment")).getText());
            assertTrue(d.findElements(By.id("card-personal-phone")).isEmpty());
            browser.screenshot("directory-02-card");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the card");

            // The establishment's card: its functional mailboxes and its staff (not the person who left).
            d.findElement(By.cssSelector("#card-establishment a")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("establishment-name")));
            assertEquals("Lycée Stendhal", d.findElement(By.id("establishment-name")).getText());
            assertTrue(d.findElement(By.id("establishment-mailboxes")).getText()
                    .contains("vie-scolaire." + folded + "@ac-preau.fr"), "its functional mailbox");
            List<String> staff = d.findElements(By.cssSelector("#staff .person-link")).stream()
                    .map(e -> e.getText()).filter(n -> n.startsWith(family)).toList();
            assertEquals(List.of(family + " Chloé", family + " Gérald"), staff, "by function, then name");
            browser.screenshot("directory-03-establishment");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the establishment");
            d.navigate().back();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("card-write")));

            d.findElement(By.id("card-write")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("compose:to_input")));
            assertEquals("Gérald " + family + " <gerald." + folded + "@ac-preau.fr>",
                    d.findElement(By.id("compose:to_input")).getAttribute("value"));
            // The recipient fields suggest the directory too: a colleague found without accents.
            d.findElement(By.id("compose:to_input")).clear();
            d.findElement(By.id("compose:to_input")).sendKeys("gera " + folded);
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(
                    Browser.suggestion("gerald." + folded + "@")));

            d.get(Browser.portal() + "/annuaire?qui=" + folded + "+chloe");
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".person-link")));
            d.findElement(By.cssSelector(".person-link")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("card-personal-phone")));
            assertEquals("06 33 33 33 33", d.findElement(By.id("card-personal-phone")).getText(),
                    "shown by its owner");

            d.get(Browser.portal() + "/annuaire?qui=" + folded + "&personne=" + personId("D" + run));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("directory-messages"), "ne figure plus dans l'annuaire"));

            d.findElement(By.cssSelector("#mine\\:show-phone .ui-chkbox-box")).click();
            d.findElement(By.id("mine:save-phone")).click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("directory-messages"), "est maintenant visible"));
        }
        assertTrue(phoneShown("A" + run), "my choice is saved");
        assertFalse(phoneShown("B" + run), "and only mine");
    }

    /**
     * The agenda (issue 14; docs/adr/0106): a teacher adds an event in the dialog (an empty title is refused with a
     * message and nothing is saved), sees it in the week, month and list views, opens it from the list and changes its
     * title; a colleague who opens "Voir l'agenda de …" with the teacher's address sees an "Occupé" block at that
     * time and none of its title, location or description. axe-core finds nothing serious, dialog open or not.
     */
    @Test
    void aTeacherAddsAnEventAndAColleagueSeesOnlyThatSheIsBusy() throws Exception {
        String password = "Emploi-du-temps-2026-" + UUID.randomUUID().toString().substring(0, 6) + "!";
        String owner = "it.agenda-" + run;
        String ownerAddress = TestUser.create(owner, "Agathe", "Agenda", password, false);
        String other = "it.agenda-collegue-" + run;
        TestUser.create(other, "Octave", "Occupe", password, false);
        String title = "Conseil de classe " + run;
        String day = LocalDate.now(ZoneId.of("Europe/Paris")).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn(owner, password);
            d.findElement(By.id("agenda-link")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                    "#agenda\\:schedule .fc-timegrid")));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the agenda");

            browser.click(By.id("agenda:new-event"));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("event:title")));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with the dialog open");
            browser.click(By.id("event:save"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("event:panel"),
                    "Donnez un titre"));
            d.findElement(By.id("event:title")).sendKeys(title);
            // The times as chosen in the pickers (typing over a prefilled date-time picker is not reliable).
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
            for (String[] field : new String[][] {{"start", "10:00", "10"}, {"end", "11:30", "11"}}) {
                browser.driver().executeScript("PrimeFaces.widgets['widget_event_" + field[0] + "'].setDate(new Date("
                        + today.getYear() + ", " + (today.getMonthValue() - 1) + ", " + today.getDayOfMonth() + ", "
                        + field[2] + ", " + field[1].substring(3) + "))");
                assertEquals(day + " " + field[1], d.findElement(By.id("event:" + field[0] + "_input"))
                        .getAttribute("value"));
            }
            d.findElement(By.id("event:location")).sendKeys("Salle des professeurs " + run);
            new Select(d.findElement(By.id("event:reminder"))).selectByVisibleText("1 heure avant");
            d.findElement(By.id("event:description")).sendKeys("Bulletins du trimestre " + run
                    + ", en visio : https://visio.example.fr/conseil-" + run + ".");
            browser.click(By.id("event:save"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("agenda:schedule"),
                    title));
            browser.waitUpTo(30).until(ExpectedConditions.invisibilityOfElementLocated(By.id("event:title")));
            for (String view : List.of("fc-dayGridMonth-button", "fc-listWeek-button")) {
                browser.click(By.className(view));
                browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("agenda:schedule"), title));
            }
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the list view");
            // Opened from the list, changed in the dialog.
            browser.click(By.cssSelector("#agenda\\:schedule .fc-list-event-title"));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("event:delete")));
            assertEquals(title, d.findElement(By.id("event:title")).getAttribute("value"));
            assertEquals("Salle des professeurs " + run, d.findElement(By.id("event:location")).getAttribute("value"));
            assertEquals("60", d.findElement(By.id("event:reminder")).getAttribute("value"), "the reminder kept");
            WebElement link = d.findElement(By.cssSelector("#event\\:panel a.agenda-link"));
            assertEquals("https://visio.example.fr/conseil-" + run, link.getAttribute("href"), "without the dot");
            assertEquals("noopener noreferrer", link.getAttribute("rel"));
            d.findElement(By.id("event:title")).clear();
            d.findElement(By.id("event:title")).sendKeys(title + " (reporté)");
            browser.click(By.id("event:save"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("agenda:schedule"),
                    title + " (reporté)"));
            d.findElement(By.id("logout")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));

            browser.signIn(other, password);
            d.get(Browser.portal() + "/agenda");
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("colleague-form:colleague")));
            d.findElement(By.id("colleague-form:colleague")).sendKeys(ownerAddress);
            browser.click(By.id("colleague-form:show-colleague"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("agenda:schedule"),
                    "Occupé"));
            String page = d.getPageSource();
            assertFalse(page.contains("Conseil de classe") || page.contains("Salle des")
                    || page.contains("Bulletins") || page.contains("visio.example"),
                    "nothing of the event but its time");
            assertTrue(d.findElement(By.id("calendars")).getAttribute("textContent").contains("Agathe Agenda"));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on a colleague's agenda");
        }
    }

    /**
     * A meeting in the portal (issue 14 item 3; docs/adr/0108): the organiser invites a colleague by identifier from
     * the event dialog; the iMIP mail arrives through Postfix; the colleague sees the invitation above the message
     * in the mail view, accepts it there, and finds the meeting in her agenda. axe on the card.
     */
    @Test
    void anInvitationIsShownInTheMailViewAndAcceptedIntoTheAgenda() throws Exception {
        String password = "Reunion-2026-" + UUID.randomUUID().toString().substring(0, 6) + "!";
        String organiser = "it.reunion-" + run;
        TestUser.create(organiser, "Roger", "Reunion", password, false);
        String guest = "it.reunion-invitee-" + run;
        String guestAddress = TestUser.create(guest, "Ines", "Invitee", password, false);
        String title = "Conseil pedagogique " + run;

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn(organiser, password);
            d.get(Browser.portal() + "/agenda.xhtml");
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("agenda:new-event")));
            browser.click(By.id("agenda:new-event"));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("event:attendees")));
            d.findElement(By.id("event:title")).sendKeys(title);
            d.findElement(By.id("event:location")).sendKeys("Salle B12");
            d.findElement(By.id("event:attendees")).sendKeys("personne.inconnue" + run);
            browser.click(By.id("event:save"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("event:panel"),
                    "personne.inconnue" + run));
            assertEquals(0L, PortalDatabase.number("select count(*) from agenda_event e join agenda_calendar c on"
                    + " c.id = e.calendar_id join account a on a.id = c.account_id where a.username = ?", organiser),
                    "an unknown participant: nothing saved");
            d.findElement(By.id("event:attendees")).clear();
            d.findElement(By.id("event:attendees")).sendKeys(guest);
            browser.click(By.id("event:availability"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("availability-grid"), guest));
            assertTrue(d.findElement(By.id("availability-slots")).getText().contains("Premiers créneaux libres"),
                    "common free slots proposed");
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the free/busy grid");
            browser.click(By.id("event:save"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("agenda:schedule"),
                    title));
            try (ImapProbe imap = ImapProbe.asMaster(guestAddress)) {
                assertEquals(1, imap.awaitSubject("INBOX", "Invitation : " + title,
                        java.time.Duration.ofSeconds(60)));
            }
            d.findElement(By.id("logout")).click();
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));

            browser.signIn(guest, password);
            d.get(Browser.portal() + "/mail/inbox.xhtml");
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail:list"), title));
            d.findElement(By.xpath("//tbody[@id='mail:list_data']/tr[.//text()[contains(., '" + title + "')]]"))
                    .click();
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("invitation-what"),
                    title));
            assertTrue(d.findElement(By.id("invitation-where")).getText().contains("Salle B12"));
            assertTrue(d.findElement(By.id("invitation-organizer")).getText().contains(organiser));
            assertTrue(d.findElement(By.id("invitation-when")).getText().contains("heure de Paris"));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core on the invitation card");
            browser.click(By.id("mail:invitation-accept"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mail:messages"),
                    "Vous avez accepté"));
            d.get(Browser.portal() + "/agenda.xhtml");
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("agenda:schedule"),
                    title));
        }
    }

    /**
     * The agenda's import, export and subscription (issue 14, item 4; docs/adr/0109): a teacher imports a .ics file
     * with a valid event, one without a start and one with a broken repeat rule; the valid one is in the week and
     * the two others are listed with their reason and line; a new private subscription address serves the calendar
     * without a session while a made-up one gets 404; a second calendar is deleted after a confirmation that says
     * how many events go. axe-core finds nothing serious with the list, the address and the confirmation shown.
     */
    @Test
    void aTeacherImportsAFileWithBrokenEventsAndSeesWhatWasSkipped() throws Exception {
        String password = "Calendrier-scolaire-2026-" + UUID.randomUUID().toString().substring(0, 6) + "!";
        String owner = "it.agenda-ics-" + run;
        TestUser.create(owner, "Irène", "Import", password, false);
        PortalDatabase.update("insert into agenda_calendar (account_id, uid, name, colour, is_default) select id, ?,"
                + " 'Agenda', '#1d6fb8', true from account where username = ?", "agenda-" + run, owner);
        PortalDatabase.update("insert into agenda_calendar (account_id, uid, name, colour) select id, ?,"
                + " 'Club lecture', '#2e7d32' from account where username = ?", "club-" + run, owner);
        PortalDatabase.update("insert into agenda_event (calendar_id, uid, ical, first_start, last_end,"
                + " changed_token) select id, 'club-1', ?, '2020-01-01T10:00:00Z', '2020-01-01T10:00:00Z', 1 from"
                + " agenda_calendar where uid = ?", String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0",
                "PRODID:-//Test//FR", "BEGIN:VEVENT", "UID:club-1", "DTSTAMP:20200101T000000Z",
                "DTSTART:20200101T100000Z", "SUMMARY:Club", "END:VEVENT", "END:VCALENDAR", ""), "club-" + run);
        String day = LocalDate.now(ZoneId.of("Europe/Paris")).format(DateTimeFormatter.BASIC_ISO_DATE);
        Path ics = Files.createTempFile("agenda-", ".ics");
        Files.writeString(ics, String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//FR",
                "BEGIN:VEVENT", "UID:valide-" + run, "DTSTAMP:20261001T080000Z", "SUMMARY:Sortie importée " + run,
                "DTSTART;TZID=Romance Standard Time:" + day + "T100000",
                "DTEND;TZID=Romance Standard Time:" + day + "T113000", "END:VEVENT",
                "BEGIN:VEVENT", "UID:sans-debut-" + run, "SUMMARY:Sans début", "END:VEVENT",
                "BEGIN:VEVENT", "UID:regle-" + run, "SUMMARY:Règle cassée", "DTSTART:" + day + "T140000",
                "RRULE:FREQ=PARFOIS", "END:VEVENT", "END:VCALENDAR", ""), StandardCharsets.UTF_8);

        try (Browser browser = new Browser()) {
            WebDriver d = browser.driver();
            browser.signIn(owner, password);
            d.get(Browser.portal() + "/agenda.xhtml");
            browser.waitUpTo(30).until(ExpectedConditions.presenceOfElementLocated(By.id("ics:file_input")));
            d.findElement(By.id("ics:file_input")).sendKeys(ics.toString());
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("ics-skipped")));
            assertEquals(List.of("Événement « Sans début » ignoré : date de début manquante (ligne 11, UID"
                    + " sans-debut-" + run + ")", "Événement « Règle cassée » ignoré : règle de répétition illisible"
                    + " (ligne 15, UID regle-" + run + ")"), d.findElements(By.cssSelector(".ics-skipped-entry"))
                    .stream().map(e -> e.getAttribute("textContent").strip()).toList());
            assertTrue(d.findElement(By.id("ics-summary")).getText().contains("ajoutés : 1"),
                    d.findElement(By.id("ics-summary")).getText());
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("agenda:schedule"),
                    "Sortie importée " + run));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with the import report");

            browser.click(By.id("subscription:renew-subscription"));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("subscription:subscription-address")));
            String url = d.findElement(By.id("subscription:subscription-address")).getAttribute("value");
            assertTrue(url.startsWith(Browser.portal() + "/public/agenda/") && url.endsWith(".ics"), url);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> feed = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, feed.statusCode());
            assertTrue(feed.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
            assertTrue(feed.body().contains("SUMMARY:Sortie importée " + run), feed.body());
            String madeUp = Browser.portal() + "/public/agenda/" + "A".repeat(43) + ".ics";
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(madeUp)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with the address shown");

            // Deleting a calendar: the confirmation says how many events go; the default one is not offered.
            browser.click(By.id("calendar-delete:ask-delete"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("calendar-delete:delete-question"), "« Club lecture » et ses 1 événements"));
            browser.waitUpTo(30).until(ExpectedConditions.visibilityOfElementLocated(
                    By.id("calendar-delete:confirm-delete")));
            assertEquals(List.of(), browser.accessibilityProblems(), "axe-core with the confirmation open");
            browser.click(By.id("calendar-delete:confirm-delete"));
            browser.waitUpTo(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("agenda:messages"),
                    "L'agenda « Club lecture » est supprimé"));
            assertFalse(d.findElement(By.id("calendars")).getAttribute("textContent").contains("Club lecture"));
            assertTrue(d.findElements(By.id("calendar-delete:deleteCalendar")).isEmpty(), "only the default left");
        }
    }

    private static void person(String hrId, String last, String first, String function, String discipline,
            String uai, String address, String personalPhone, boolean shown, String searchText, String username)
            throws Exception {
        try (Connection c = PortalDatabase.open(); PreparedStatement s = c.prepareStatement("insert into"
                + " directory_person (hr_id, last_name, first_name, function_code, discipline, establishment_uai,"
                + " address, work_phone, personal_phone, personal_phone_shown, search_text, seen_import,"
                + " account_id) values (?, ?, ?, ?, ?, ?, ?, '04 76 00 00 00', ?, ?, ?, 0,"
                + " (select id from account where username = ?))")) {
            s.setString(1, hrId);
            s.setString(2, last);
            s.setString(3, first);
            s.setString(4, function);
            s.setString(5, discipline);
            s.setString(6, uai);
            s.setString(7, address);
            s.setString(8, personalPhone);
            s.setBoolean(9, shown);
            s.setString(10, searchText);
            s.setString(11, username);
            s.executeUpdate();
        }
    }

    private static long personId(String hrId) throws Exception {
        try (Connection c = PortalDatabase.open();
                PreparedStatement s = c.prepareStatement("select id from directory_person where hr_id = ?")) {
            s.setString(1, hrId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static boolean phoneShown(String hrId) throws Exception {
        try (Connection c = PortalDatabase.open(); PreparedStatement s = c.prepareStatement(
                "select personal_phone_shown from directory_person where hr_id = ?")) {
            s.setString(1, hrId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }
}
