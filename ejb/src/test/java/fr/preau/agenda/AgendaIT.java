package fr.preau.agenda;

import static fr.preau.agenda.AgendaFixture.address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import fr.preau.delegation.DelegationFixture;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.SqlTimes;
import fr.preau.testing.ImapProbe;
import fr.preau.testing.ItArchive;
import fr.preau.testing.SmtpProbe;
import jakarta.activation.DataHandler;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The agenda in WildFly against PostgreSQL (issue 14; docs/adr/0106), with three people: the owner, a colleague
 * (free/busy by default, then "voir les détails" and "modifier") and a delegate whose agenda right comes from
 * {@code Delegations}. A weekly lesson across the autumn change with a deleted and a moved occurrence and the three
 * scopes; what the others get is checked field by field through crafted service calls made as them: no title,
 * location or description where only busy is allowed, the same "not found" as a missing id for anything beyond,
 * and nothing changed.
 */
@ExtendWith(ArquillianExtension.class)
class AgendaIT {
    private static final String OWNER = AsOwner.USERNAME;
    private static final String COLLEAGUE = AsColleague.USERNAME;
    private static final String DELEGATE = AsDelegate.USERNAME;
    private static final LocalDateTime OCT19 = LocalDateTime.of(2026, 10, 19, 0, 0);
    private static final LocalDateTime NOV10 = LocalDateTime.of(2026, 11, 10, 0, 0);

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("agenda-it.war").addAsResource("agenda/ics/google.ics")
                .addAsResource("agenda/ics/broken.ics").addAsResource("agenda/ics/zone-a-2025-2026.ics");
    }

    @EJB
    private AsOwner owner;

    @EJB
    private AsColleague colleague;

    @EJB
    private AsDelegate delegate;

    @EJB
    private AgendaFixture fixture;

    @EJB
    private AgendaFeed feed;

    @EJB
    private ReminderSender reminders;

    @EJB
    private DelegationFixture accounts;

    @BeforeEach
    void noCalendars() {
        accounts.accounts(List.of(OWNER, COLLEAGUE, DELEGATE));
        fixture.reset(List.of(OWNER, COLLEAGUE, DELEGATE));
    }

    private static EventDraft lesson() {
        return new EventDraft("Mathématiques 4e B", false, LocalDateTime.of(2026, 10, 12, 8, 0),
                LocalDateTime.of(2026, 10, 12, 9, 0), "Salle 12", "Chapitre 3 : fractions", false,
                new Repeat(Frequency.WEEKLY, null, null));
    }

    private static EventDraft appointment(boolean privateEvent) {
        return new EventDraft(privateEvent ? "Rendez-vous médical" : "Conseil de classe 4e B", false,
                LocalDateTime.of(2026, 10, 20, 17, 0), LocalDateTime.of(2026, 10, 20, 18, 30),
                privateEvent ? "Cabinet du Dr Martin" : "Salle des professeurs",
                privateEvent ? "Résultats d'analyses" : "Bulletins du 1er trimestre", privateEvent, Repeat.NONE);
    }

    private static List<LocalDateTime> starts(List<AgendaEntry> es) {
        return es.stream().map(AgendaEntry::start).toList();
    }

    private static void gone(Executable call) {
        assertEquals("agenda.event.gone", assertThrows(NotFoundException.class, call).messageKey());
    }

    @Test
    void aWeeklyLessonKeepsItsHourAcrossTheChangeWithADeletedAMovedAndALaterChangedPart() {
        List<AgendaCalendar> mine = owner.calendars();
        assertEquals(1, mine.size(), "the default calendar, made on first use");
        assertEquals("Agenda", mine.get(0).name());
        assertEquals(1, owner.calendars().size(), "made once");
        long cal = mine.get(0).id();
        AgendaEntry first = owner.create(cal, lesson());
        long id = first.eventId();
        assertEquals(LocalDateTime.of(2026, 10, 12, 8, 0), first.occurrence());

        owner.delete(id, LocalDateTime.of(2026, 10, 26, 8, 0), Scope.THIS);
        owner.update(id, LocalDateTime.of(2026, 11, 2, 8, 0), Scope.THIS, new EventDraft("Maths (rattrapage)", false,
                LocalDateTime.of(2026, 11, 3, 14, 0), LocalDateTime.of(2026, 11, 3, 15, 0), "Salle 3", null, false,
                Repeat.NONE));
        List<AgendaEntry> autumn = owner.entries(List.of(cal), OCT19, NOV10);
        assertEquals(List.of(LocalDateTime.of(2026, 10, 19, 8, 0), LocalDateTime.of(2026, 11, 3, 14, 0),
                LocalDateTime.of(2026, 11, 9, 8, 0)), starts(autumn), "8:00 before and after 25 October");
        assertEquals("Maths (rattrapage)", autumn.get(1).title());
        assertEquals(LocalDateTime.of(2026, 11, 2, 8, 0), autumn.get(1).occurrence());
        assertEquals("Mathématiques 4e B", autumn.get(2).title());
        assertTrue(autumn.stream().allMatch(AgendaEntry::editable));
        Object[] stored = fixture.stored(id);
        assertTrue(((String) stored[0]).contains("EXDATE;TZID=Europe/Paris:20261026T080000"), (String) stored[0]);
        assertEquals(3L, ((Number) stored[1]).longValue(), "created, then two changes: the ETag moved");
        assertNull(stored[3], "repeats without end");
        gone(() -> owner.update(id, LocalDateTime.of(2026, 10, 26, 8, 0), Scope.THIS, lesson()));
        gone(() -> owner.update(id, LocalDateTime.of(2026, 10, 27, 8, 0), Scope.THIS, lesson()));

        owner.update(id, LocalDateTime.of(2026, 11, 16, 8, 0), Scope.FOLLOWING, new EventDraft("Mathématiques 4e B",
                false, LocalDateTime.of(2026, 11, 16, 10, 0), LocalDateTime.of(2026, 11, 16, 11, 0), "Salle 14", null,
                false, new Repeat(Frequency.BIWEEKLY, null, null)));
        assertEquals(2, fixture.count(cal), "the series ends before 16 November and a new one starts there");
        List<AgendaEntry> later = owner.entries(List.of(cal), LocalDateTime.of(2026, 11, 9, 0, 0),
                LocalDateTime.of(2026, 12, 1, 0, 0));
        assertEquals(List.of(LocalDateTime.of(2026, 11, 9, 8, 0), LocalDateTime.of(2026, 11, 16, 10, 0),
                LocalDateTime.of(2026, 11, 30, 10, 0)), starts(later));
        assertEquals(new Repeat(Frequency.BIWEEKLY, null, null), later.get(1).repeat());

        owner.update(id, LocalDateTime.of(2026, 10, 19, 8, 0), Scope.ALL, new EventDraft("Maths 4e B", false,
                LocalDateTime.of(2026, 10, 19, 8, 30), LocalDateTime.of(2026, 10, 19, 9, 30), "Salle 12", null, false,
                new Repeat(Frequency.WEEKLY, null, null)));
        assertEquals(List.of(LocalDateTime.of(2026, 10, 12, 8, 30), LocalDateTime.of(2026, 10, 19, 8, 30)),
                starts(owner.entries(List.of(cal), LocalDateTime.of(2026, 10, 12, 0, 0), OCT19.plusDays(1))),
                "all moved by half an hour, from the first one");
        owner.delete(id, LocalDateTime.of(2026, 10, 26, 8, 30), Scope.FOLLOWING);
        assertEquals(List.of(LocalDateTime.of(2026, 10, 12, 8, 30), LocalDateTime.of(2026, 10, 19, 8, 30)),
                starts(owner.entries(List.of(cal), LocalDateTime.of(2026, 10, 1, 0, 0), NOV10)));
        owner.delete(id, LocalDateTime.of(2026, 10, 12, 8, 30), Scope.ALL);
        assertEquals(1, fixture.count(cal));
        gone(() -> owner.entry(id, null));
    }

    @Test
    void aColleagueSeesOnlyBusyTimesAndNothingElseEvenByCraftedCalls() {
        long cal = owner.calendars().get(0).id();
        AgendaEntry pub = owner.create(cal, appointment(false));
        AgendaEntry priv = owner.create(cal, appointment(true));
        AgendaEntry rep = owner.create(cal, lesson());
        Object[] before = fixture.stored(pub.eventId());

        List<AgendaCalendar> seen = colleague.calendarsOf(address(OWNER));
        assertEquals(List.of(CalendarLevel.BUSY), seen.stream().map(AgendaCalendar::level).toList());
        List<AgendaEntry> busy = colleague.entries(List.of(cal), OCT19, NOV10);
        assertEquals(6, busy.size(), "four lessons and two appointments");
        for (AgendaEntry e : busy) {
            assertTrue(e.busy() && !e.editable() && !e.privateEvent(), e.toString());
            assertNull(e.title());
            assertNull(e.location());
            assertNull(e.description());
            assertEquals(Repeat.NONE, e.repeat());
        }
        assertEquals(LocalDateTime.of(2026, 10, 20, 17, 0), busy.get(1).start());

        NotFoundException missing = assertThrows(NotFoundException.class, () -> colleague.entry(Long.MAX_VALUE, null));
        assertEquals(missing.messageKey(), assertThrows(NotFoundException.class,
                () -> colleague.entry(pub.eventId(), null)).messageKey(), "the same answer as for a missing event");
        gone(() -> colleague.entry(rep.eventId(), LocalDateTime.of(2026, 10, 19, 8, 0)));
        gone(() -> colleague.update(pub.eventId(), null, Scope.ALL, appointment(false)));
        gone(() -> colleague.delete(pub.eventId(), null, Scope.ALL));
        gone(() -> colleague.delete(rep.eventId(), LocalDateTime.of(2026, 10, 19, 8, 0), Scope.THIS));
        assertThrows(NotFoundException.class, () -> colleague.create(cal, appointment(false)));
        assertThrows(NotFoundException.class, () -> colleague.share(cal, address(COLLEAGUE), CalendarLevel.EDIT));
        assertThrows(NotFoundException.class, () -> colleague.shares(cal));
        assertThrows(NotFoundException.class, () -> colleague.updateCalendar(cal, "Pris", "#000000"));
        assertThrows(NotFoundException.class, () -> colleague.entries(List.of(Long.MAX_VALUE), OCT19, NOV10));
        assertEquals("agenda.person.unknown", assertThrows(NotFoundException.class,
                () -> colleague.calendarsOf("personne.inconnue")).messageKey());

        Object[] after = fixture.stored(pub.eventId());
        assertEquals(before[0], after[0], "unchanged");
        assertEquals(before[1], after[1]);
        assertEquals(3, fixture.count(cal));
        assertEquals(List.of(), owner.shares(cal));
        assertEquals("Rendez-vous médical", owner.entry(priv.eventId(), null).title(), "the owner sees it all");
    }

    @Test
    void detailsThenModifierGrantsOpenTheCalendarButNeverAPrivateEvent() {
        long cal = owner.calendars().get(0).id();
        AgendaEntry pub = owner.create(cal, appointment(false));
        AgendaEntry priv = owner.create(cal, appointment(true));
        owner.share(cal, COLLEAGUE, CalendarLevel.DETAILS);
        assertEquals(List.of(address(COLLEAGUE) + " " + CalendarLevel.DETAILS), owner.shares(cal).stream()
                .map(s -> s.granteeAddress() + " " + s.level()).toList());

        List<AgendaEntry> seen = colleague.entries(List.of(cal), OCT19, NOV10);
        assertEquals(List.of("Conseil de classe 4e B", "Salle des professeurs"), List.of(seen.get(0).title(),
                seen.get(0).location()));
        assertFalse(seen.get(0).editable());
        assertTrue(seen.get(1).busy() && seen.get(1).title() == null && seen.get(1).description() == null,
                "a private event stays busy");
        gone(() -> colleague.entry(priv.eventId(), null));
        gone(() -> colleague.update(pub.eventId(), null, Scope.ALL, appointment(false)));
        assertThrows(NotFoundException.class, () -> colleague.create(cal, appointment(false)));

        owner.share(cal, address(COLLEAGUE), CalendarLevel.EDIT);
        EventDraft moved = new EventDraft("Conseil de classe 4e B (reporté)", false,
                LocalDateTime.of(2026, 10, 22, 17, 0), LocalDateTime.of(2026, 10, 22, 18, 0), "Salle 5", null, false,
                Repeat.NONE);
        colleague.update(pub.eventId(), null, Scope.ALL, moved);
        AgendaEntry made = colleague.create(cal, new EventDraft("Réunion parents-professeurs", false,
                LocalDateTime.of(2026, 10, 23, 18, 0), LocalDateTime.of(2026, 10, 23, 20, 0), null, null, false, null));
        assertTrue(made.editable());
        AgendaEntry owners = owner.entry(pub.eventId(), null);
        assertEquals("Conseil de classe 4e B (reporté)", owners.title());
        assertEquals(LocalDateTime.of(2026, 10, 22, 17, 0), owners.start());
        gone(() -> colleague.update(priv.eventId(), null, Scope.ALL, moved));
        gone(() -> colleague.delete(priv.eventId(), null, Scope.ALL));
        assertEquals("Rendez-vous médical", owner.entry(priv.eventId(), null).title());
        assertThrows(NotFoundException.class, () -> colleague.shares(cal), "editing is not sharing");

        owner.share(cal, COLLEAGUE, CalendarLevel.BUSY);
        assertTrue(colleague.entries(List.of(cal), OCT19, NOV10).stream().allMatch(AgendaEntry::busy));
        assertEquals(List.of(), owner.shares(cal));
        assertEquals("agenda.share.self", assertThrows(InvalidInputException.class,
                () -> owner.share(cal, OWNER, CalendarLevel.EDIT)).messageKey());
    }

    @Test
    void aListOrAnEstablishmentGrantOpensTheCalendarToItsMembersOnly() {
        long cal = owner.calendars().get(0).id();
        AgendaEntry pub = owner.create(cal, appointment(false));
        String list = fixture.nestedList("it-agenda-liste", COLLEAGUE);
        owner.share(cal, list.toUpperCase(), CalendarLevel.DETAILS);
        assertEquals("Conseil de classe 4e B", colleague.entry(pub.eventId(), null).title(),
                "a member of a list within the list");
        assertTrue(delegate.entries(List.of(cal), OCT19, NOV10).get(0).busy(), "not a member");
        gone(() -> colleague.update(pub.eventId(), null, Scope.ALL, appointment(false)));

        accounts.placeIn(DELEGATE, "0699901A");
        owner.share(cal, "0699901a", CalendarLevel.EDIT);
        assertEquals(List.of("Liste it-agenda-liste LIST DETAILS", "Collège 0699901A ESTABLISHMENT EDIT"),
                owner.shares(cal).stream().map(x -> x.granteeName() + " " + x.kind() + " " + x.level()).toList());
        assertTrue(delegate.create(cal, appointment(false)).editable(), "the establishment's staff may change it");
        gone(() -> colleague.update(pub.eventId(), null, Scope.ALL, appointment(false)));
        assertThrows(NotFoundException.class, () -> colleague.share(cal, "0699901A", CalendarLevel.EDIT),
                "only the owner shares");
        assertEquals("agenda.share.unknown", assertThrows(InvalidInputException.class,
                () -> owner.share(cal, "0699999Z", CalendarLevel.EDIT)).messageKey());

        owner.share(cal, list, CalendarLevel.BUSY);
        owner.share(cal, "0699901A", CalendarLevel.BUSY);
        assertEquals(List.of(), owner.shares(cal));
        assertTrue(colleague.entries(List.of(cal), OCT19, NOV10).stream().allMatch(AgendaEntry::busy));
        gone(() -> delegate.entry(pub.eventId(), null));
    }

    @Test
    void aDelegateWithAgendaReadSeesTheDetailsUntilTheDelegationEnds() {
        long cal = owner.calendars().get(0).id();
        AgendaCalendar second = owner.createCalendar("Projet théâtre", "#2E7D32");
        assertEquals("#2e7d32", second.colour());
        AgendaEntry pub = owner.create(second.id(), appointment(false));
        owner.create(cal, appointment(true));
        long d = fixture.delegate(OWNER, DELEGATE, "read");

        assertEquals(List.of(CalendarLevel.DETAILS, CalendarLevel.DETAILS),
                delegate.calendarsOf(OWNER).stream().map(AgendaCalendar::level).toList(), "every calendar");
        List<AgendaEntry> seen = delegate.entries(List.of(cal, second.id()), OCT19, NOV10);
        assertEquals(2, seen.size());
        AgendaEntry council = seen.stream().filter(e -> !e.busy()).findFirst().orElseThrow();
        assertEquals("Bulletins du 1er trimestre", council.description());
        assertEquals(1, seen.stream().filter(e -> e.busy() && e.title() == null).count(), "private: busy");
        assertEquals("Conseil de classe 4e B", delegate.entry(pub.eventId(), null).title());
        gone(() -> delegate.update(pub.eventId(), null, Scope.ALL, appointment(false)));
        assertTrue(colleague.entries(List.of(second.id()), OCT19, NOV10).get(0).busy(), "only the delegate");

        fixture.endDelegation(d);
        assertTrue(delegate.entries(List.of(cal, second.id()), OCT19, NOV10).stream().allMatch(AgendaEntry::busy));
        gone(() -> delegate.entry(pub.eventId(), null));
    }

    @Test
    void badInputIsRefusedWithItsFieldAndChangesNothing() {
        long cal = owner.calendars().get(0).id();
        AgendaEntry pub = owner.create(cal, appointment(false));
        Object[] before = fixture.stored(pub.eventId());
        EventDraft noTitle = new EventDraft("  ", false, LocalDateTime.of(2026, 10, 20, 9, 0),
                LocalDateTime.of(2026, 10, 20, 10, 0), null, null, false, null);
        assertEquals("title", assertThrows(InvalidInputException.class, () -> owner.create(cal, noTitle)).field());
        EventDraft backwards = new EventDraft("Sortie", false, LocalDateTime.of(2026, 10, 20, 9, 0),
                LocalDateTime.of(2026, 10, 20, 8, 0), null, null, false, null);
        assertEquals("agenda.event.end.beforeStart", assertThrows(InvalidInputException.class,
                () -> owner.update(pub.eventId(), null, Scope.ALL, backwards)).messageKey());
        assertEquals("count", assertThrows(InvalidInputException.class, () -> owner.create(cal, lesson()
                .repeating(new Repeat(Frequency.WEEKLY, null, 0)))).field());
        assertEquals("window", assertThrows(InvalidInputException.class, () -> owner.entries(List.of(cal), OCT19,
                OCT19.plusYears(2))).field());
        assertEquals("agenda.calendar.name.taken", assertThrows(InvalidInputException.class,
                () -> owner.createCalendar(" agenda ", "#123456")).messageKey());
        assertEquals("colour", assertThrows(InvalidInputException.class,
                () -> owner.createCalendar("Club", "rouge")).field());
        assertEquals(1, fixture.count(cal));
        assertEquals(before[1], fixture.stored(pub.eventId())[1], "unchanged");
        assertEquals(1, owner.calendars().size());
    }

    @EJB
    private MeetingsAsOwner ownerMeets;

    @EJB
    private MeetingsAsColleague colleagueMeets;

    @EJB
    private MeetingsAsDelegate delegateMeets;

    /** An iMIP message as a mail client would put it in the INBOX: From {@code from}, the iTIP text as its part. */
    private static MimeMessage imip(String from, String subject, String ical) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(from));
        m.setSubject(subject, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Réponse", "UTF-8");
        MimeBodyPart cal = new MimeBodyPart();
        cal.setDataHandler(new DataHandler(new ByteArrayDataSource(ical.getBytes(StandardCharsets.UTF_8),
                "text/calendar; charset=UTF-8; method=" + Itip.read(ical).method())));
        m.setContent(new MimeMultipart("alternative", text, cal));
        m.saveChanges();
        return m;
    }

    @Test
    void aReminderIsMailedOnceToTheOwnerThenPlannedForTheNextOccurrenceAndOnlyTheOwnerSetsIt() throws Exception {
        long cal = owner.calendars().get(0).id();
        LocalDateTime start = LocalDateTime.now(EventObject.PARIS).truncatedTo(ChronoUnit.MINUTES).plusHours(2);
        long id = owner.create(cal, new EventDraft("Conseil pédagogique", false, start, start.plusHours(1),
                "Salle B12", null, false, new Repeat(Frequency.WEEKLY, null, 3))).eventId();
        assertEquals(Reminders.NONE, owner.reminder(id));
        owner.share(cal, COLLEAGUE, CalendarLevel.EDIT);
        gone(() -> colleague.setReminder(id, 10));
        gone(() -> colleague.reminder(id));
        assertNull(fixture.reminder(id), "a colleague who may change the event cannot set a reminder on it");
        assertEquals("reminder", assertThrows(InvalidInputException.class, () -> owner.setReminder(id, 15)).field());
        assertNull(fixture.reminder(id), "refused, nothing written");

        owner.setReminder(id, 60);
        assertEquals(60, owner.reminder(id));
        assertEquals(start.atZone(EventObject.PARIS).minusHours(1).toInstant(),
                SqlTimes.instant(fixture.reminder(id)[2]), "an hour before the first occurrence");
        owner.update(id, start, Scope.ALL, new EventDraft("Conseil pédagogique", false, start.plusMinutes(30),
                start.plusMinutes(90), "Salle B12", null, false, new Repeat(Frequency.WEEKLY, null, 3)));
        reminders.run();
        assertEquals(start.plusMinutes(30).atZone(EventObject.PARIS).minusHours(1).toInstant(),
                SqlTimes.instant(fixture.reminder(id)[2]), "the event moved: its reminder too");

        try (ImapProbe inbox = ImapProbe.asMaster(address(OWNER))) {
            inbox.empty("INBOX");
        }
        fixture.reminderDueNow(id);
        reminders.run();
        reminders.run();
        String subject = "Rappel : Conseil pédagogique — " + DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH:mm",
                Locale.FRENCH).format(start.plusMinutes(30));
        assertEquals(1, await(OWNER, subject), subject);
        SmtpProbe.witness(address(OWNER), Duration.ofSeconds(60));
        try (ImapProbe inbox = ImapProbe.asMaster(address(OWNER))) {
            assertEquals(1, inbox.subjects("INBOX").stream().filter(subject::equals).count(), "exactly once");
            String text = inbox.text("INBOX", subject);
            assertTrue(text.contains("Lieu : Salle B12"), text);
            assertTrue(inbox.header("INBOX", subject, "Message-ID").startsWith("<rappel-" + id + "-"));
        }
        assertEquals(List.of("SENT 1"), fixture.remindersSent(id));
        assertEquals(start.plusMinutes(30).plusWeeks(1).atZone(EventObject.PARIS).minusHours(1).toInstant(),
                SqlTimes.instant(fixture.reminder(id)[2]), "the next occurrence planned");

        LocalDateTime yesterday = start.minusDays(1);
        fixture.reminderAt(id, start.plusMinutes(30), yesterday.atZone(EventObject.PARIS).toInstant());
        reminders.run();
        assertEquals(List.of("SENT 1"), fixture.remindersSent(id), "the same occurrence is never sent again");

        owner.delete(id, null, Scope.ALL);
        assertNull(fixture.reminder(id), "deleting the event removes its reminder");
        assertEquals(List.of(), fixture.remindersSent(id));

        // Fell 13 hours ago (the server was down): skipped, not sent late; the next occurrence planned.
        LocalDateTime past = LocalDateTime.now(EventObject.PARIS).truncatedTo(ChronoUnit.MINUTES).minusHours(13);
        long late = owner.create(cal, new EventDraft("Cours du matin", false, past, past.plusHours(1), null, null,
                false, new Repeat(Frequency.WEEKLY, null, 2))).eventId();
        owner.setReminder(late, 10);
        assertEquals(past.plusWeeks(1), wallClock(fixture.reminder(late)[1]), "set now: the past one is not reminded");
        fixture.reminderAt(late, past, past.minusMinutes(10).atZone(EventObject.PARIS).toInstant());
        reminders.run();
        assertEquals(List.of(), fixture.remindersSent(late), "nothing claimed, nothing sent");
        assertEquals(past.plusWeeks(1), wallClock(fixture.reminder(late)[1]), "moved on to the next week");
    }

    private static LocalDateTime wallClock(Object value) {
        return value instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
    }

    private static long await(String who, String subject) throws Exception {
        try (ImapProbe box = ImapProbe.asMaster(address(who))) {
            return box.awaitSubject("INBOX", subject, Duration.ofSeconds(60));
        }
    }

    private static byte[] corpus(String name) throws IOException {
        try (InputStream in = AgendaIT.class.getResourceAsStream("/agenda/ics/" + name)) {
            return in.readAllBytes();
        }
    }

    private static String text(CalendarFile f) {
        return new String(f.content(), StandardCharsets.UTF_8);
    }

    private static void noneOf(String text, String... secrets) {
        for (String s : secrets) {
            assertFalse(text.contains(s), s + " leaks: " + text);
        }
    }

    @Test
    void aMeetingRoundTripsThroughRealMailAndOnlyItsOrganiserAndAttendeesChangeIt() throws Exception {
        for (String u : List.of(OWNER, COLLEAGUE, DELEGATE)) {
            try (ImapProbe box = ImapProbe.asMaster(address(u))) {
                box.empty("INBOX");
            }
        }
        long cal = owner.calendars().get(0).id();
        long id = owner.create(cal, appointment(false)).eventId();
        assertEquals(List.of(new Attendance(address(COLLEAGUE), "NEEDS-ACTION")),
                ownerMeets.invite(id, List.of(COLLEAGUE, " " + address(OWNER))), "by identifier, not oneself");
        assertEquals(InvalidInputException.class, assertThrows(InvalidInputException.class,
                () -> ownerMeets.invite(id, List.of("pas une adresse"))).getClass());
        gone(() -> colleagueMeets.invite(id, List.of(DELEGATE)));

        String invitation = "Invitation : Conseil de classe 4e B";
        assertEquals(1, await(COLLEAGUE, invitation), "the iMIP REQUEST went through Postfix to Dovecot");
        Invitation seen = colleagueMeets.invitation(invitation).orElseThrow();
        assertEquals("REQUEST", seen.method());
        assertEquals(LocalDateTime.of(2026, 10, 20, 17, 0), seen.start());
        assertEquals("Salle des professeurs", seen.location());
        assertEquals(address(OWNER), seen.organizer());
        assertFalse(seen.inCalendar());
        assertEquals(List.of(new Attendance(address(COLLEAGUE), "NEEDS-ACTION")), ownerMeets.invite(id,
                List.of(address(COLLEAGUE))), "the same list again: nothing new");

        colleagueMeets.answer(invitation, "ACCEPTED");
        List<AgendaEntry> hers = colleague.entries(List.of(colleague.calendars().get(0).id()), OCT19, NOV10);
        assertEquals(List.of("Conseil de classe 4e B"), hers.stream().map(AgendaEntry::title).toList());
        String reply = "Réponse : Conseil de classe 4e B (accepté)";
        assertEquals(1, await(OWNER, reply));
        assertEquals(new Attendance(address(COLLEAGUE), "ACCEPTED"), ownerMeets.applyReply(reply).orElseThrow());
        assertEquals(List.of(new Attendance(address(COLLEAGUE), "ACCEPTED")), ownerMeets.attendees(id));

        long privateOne = colleague.create(colleague.calendars().get(0).id(), appointment(true).at(
                LocalDateTime.of(2026, 10, 20, 10, 0), LocalDateTime.of(2026, 10, 20, 11, 0))).eventId();
        Availability grid = ownerMeets.availability(List.of(COLLEAGUE, "externe@example.org"),
                java.time.LocalDate.of(2026, 10, 20), Duration.ofHours(1));
        assertEquals(List.of(address(OWNER), COLLEAGUE, "externe@example.org"), grid.people().stream()
                .map(Availability.Person::name).toList());
        assertEquals(List.of(new Availability.Block(LocalDateTime.of(2026, 10, 20, 10, 0),
                LocalDateTime.of(2026, 10, 20, 11, 0)), new Availability.Block(LocalDateTime.of(2026, 10, 20, 17, 0),
                LocalDateTime.of(2026, 10, 20, 18, 30))), grid.people().get(1).busy(),
                "her private appointment as a time, the meeting she accepted");
        assertFalse(grid.people().get(2).known());
        assertEquals(List.of(LocalDateTime.of(2026, 10, 20, 8, 0), LocalDateTime.of(2026, 10, 20, 9, 0),
                LocalDateTime.of(2026, 10, 20, 11, 0)), grid.slots());
        colleague.delete(privateOne, null, Scope.ALL);
        EventObject stored = EventObject.parse((String) fixture.stored(id)[0]);
        Instant now = Instant.now();
        try (ImapProbe box = ImapProbe.asMaster(address(OWNER))) {
            box.append("INBOX", imip(address(DELEGATE), "Faux 1", Itip.reply(stored, address(DELEGATE), "DECLINED",
                    now)), imip(address(DELEGATE), "Faux 2", Itip.reply(stored, address(COLLEAGUE), "DECLINED",
                    now)));
        }
        assertTrue(ownerMeets.applyReply("Faux 1").isEmpty(), "not an attendee");
        assertTrue(ownerMeets.applyReply("Faux 2").isEmpty(), "an attendee's answer not from the attendee");
        try (ImapProbe box = ImapProbe.asMaster(address(DELEGATE))) {
            box.append("INBOX", imip(address(COLLEAGUE), "Faux 3", Itip.reply(stored, address(COLLEAGUE), "DECLINED",
                    now)));
        }
        assertTrue(delegateMeets.applyReply("Faux 3").isEmpty(), "the UID of someone else's event");
        try (ImapProbe box = ImapProbe.asMaster(address(COLLEAGUE))) {
            box.append("INBOX", imip(address(DELEGATE), "Faux 4", Itip.cancel(stored.withSequence(5), null,
                    List.of(address(COLLEAGUE)), now)));
        }
        assertFalse(colleagueMeets.removeCancelled("Faux 4"), "a CANCEL not from the organiser");
        assertEquals(List.of(new Attendance(address(COLLEAGUE), "ACCEPTED")), ownerMeets.attendees(id));
        assertEquals(1, colleague.entries(List.of(colleague.calendars().get(0).id()), OCT19, NOV10).size());

        owner.update(id, null, Scope.ALL, appointment(false).at(LocalDateTime.of(2026, 10, 22, 17, 0),
                LocalDateTime.of(2026, 10, 22, 18, 30)));
        assertTrue(((String) fixture.stored(id)[0]).contains("SEQUENCE:1"), "moved: SEQUENCE + 1");
        String update = "Mise à jour : Conseil de classe 4e B";
        assertEquals(1, await(COLLEAGUE, update));
        Invitation moved = colleagueMeets.invitation(update).orElseThrow();
        assertEquals(LocalDateTime.of(2026, 10, 22, 17, 0), moved.start());
        assertTrue(moved.inCalendar());
        colleagueMeets.answer(update, "TENTATIVE");
        AgendaEntry copy = colleague.entries(List.of(colleague.calendars().get(0).id()), OCT19, NOV10).get(0);
        assertEquals(LocalDateTime.of(2026, 10, 22, 17, 0), copy.start());
        String copyText = (String) fixture.stored(copy.eventId())[0];
        assertTrue(copyText.contains("SEQUENCE:1") && copyText.contains("PARTSTAT=TENTATIVE"), copyText);

        owner.delete(id, null, Scope.ALL);
        String cancel = "Annulé : Conseil de classe 4e B";
        assertEquals(1, await(COLLEAGUE, cancel));
        assertEquals("CANCEL", colleagueMeets.invitation(cancel).orElseThrow().method());
        assertTrue(colleagueMeets.removeCancelled(cancel));
        assertTrue(colleague.entries(List.of(colleague.calendars().get(0).id()), OCT19, NOV10).isEmpty());
        assertFalse(colleagueMeets.removeCancelled(cancel), "once");
    }

    @Test
    void anIcsFileIsImportedAsFarAsItIsValidAgainByUidAndExportedAsEachMayReadIt() throws IOException {
        long cal = owner.calendars().get(0).id();
        IcsImportReport broken = owner.importFile(cal, corpus("broken.ics"));
        assertEquals(1, broken.created());
        assertEquals(List.of("4 agenda.import.noStart Sans début", "10 agenda.import.badRule Règle cassée",
                "26 agenda.import.unreadable Date illisible", "32 agenda.import.truncated Tronqué"),
                broken.skipped().stream().map(k -> k.line() + " " + k.reason() + " " + k.title()).toList());
        IcsImportReport google = owner.importFile(cal, corpus("google.ics"));
        assertEquals(List.of(2, 0, 0), List.of(google.created(), google.updated(), google.skipped().size()));
        IcsImportReport again = owner.importFile(cal, corpus("google.ics"));
        assertEquals(List.of(0, 0, 2), List.of(again.created(), again.updated(), again.unchanged()), "not doubled");
        byte[] changed = new String(corpus("google.ics"), StandardCharsets.UTF_8)
                .replace("SUMMARY:Sortie scolaire", "SUMMARY:Sortie au musée").getBytes(StandardCharsets.UTF_8);
        assertEquals(1, owner.importFile(cal, changed).updated());
        assertEquals(3, fixture.count(cal));
        List<AgendaEntry> autumn = owner.entries(List.of(cal), OCT19, NOV10);
        assertEquals(List.of("Sortie au musée", "Mathématiques 4e B"), autumn.subList(0, 2).stream()
                .map(AgendaEntry::title).toList());
        assertEquals(LocalDateTime.of(2026, 11, 9, 8, 0), autumn.get(autumn.size() - 1).start());
        AgendaEntry priv = owner.create(cal, appointment(true));

        String mine = text(owner.export(cal));
        assertTrue(mine.contains("SUMMARY:Mathématiques 4e B") && mine.contains("Cabinet du Dr Martin")
                && mine.contains("BEGIN:VTIMEZONE"), mine);
        assertEquals("agenda.ics", owner.export(cal).name());
        String busy = text(colleague.export(cal));
        noneOf(busy, "Mathématiques", "Salle", "Chapitre", "Sortie", "Rendez-vous", "Cabinet", "Résultats",
                "PRIVATE");
        assertTrue(busy.contains("SUMMARY:Occupé") && busy.contains("RRULE:FREQ=WEEKLY"), busy);
        owner.share(cal, COLLEAGUE, CalendarLevel.DETAILS);
        String details = text(colleague.export(cal));
        assertTrue(details.contains("SUMMARY:Mathématiques 4e B"), details);
        noneOf(details, "Rendez-vous", "Cabinet", "Résultats");

        Object[] before = fixture.stored(priv.eventId());
        assertEquals("agenda.calendar.gone", assertThrows(NotFoundException.class,
                () -> colleague.importFile(cal, changed)).messageKey(), "seeing details is not changing");
        assertEquals("agenda.calendar.gone", assertThrows(NotFoundException.class,
                () -> colleague.export(Long.MAX_VALUE)).messageKey());
        assertEquals("agenda.import.notIcs", assertThrows(InvalidInputException.class,
                () -> owner.importFile(cal, "pas un agenda".getBytes(StandardCharsets.UTF_8))).messageKey());
        assertEquals(4, fixture.count(cal));
        assertEquals(before[1], fixture.stored(priv.eventId())[1]);
    }

    @Test
    void aSubscriptionAddressOpensItsCalendarOnlyReadOnlyAndPrivateAsBusyUntilRevoked() {
        long cal = owner.calendars().get(0).id();
        owner.create(cal, appointment(false));
        owner.create(cal, appointment(true));
        long other = owner.createCalendar("Perso", "#2e7d32").id();
        owner.create(other, new EventDraft("Piscine", false, LocalDateTime.of(2026, 10, 21, 12, 0),
                LocalDateTime.of(2026, 10, 21, 13, 0), null, null, false, null));

        String token = owner.renewSubscription(cal);
        String read = new String(feed.read(token).orElseThrow().content(), StandardCharsets.UTF_8);
        assertTrue(read.contains("SUMMARY:Conseil de classe 4e B") && read.contains("SUMMARY:Occupé"), read);
        noneOf(read, "Rendez-vous", "Cabinet", "Résultats", "Piscine");
        String otherToken = owner.renewSubscription(other);
        String perso = new String(feed.read(otherToken).orElseThrow().content(), StandardCharsets.UTF_8);
        assertTrue(perso.contains("Piscine"));
        noneOf(perso, "Conseil");

        String renewed = owner.renewSubscription(cal);
        assertTrue(feed.read(token).isEmpty(), "the old address answers nothing");
        assertTrue(feed.read(renewed).isPresent());
        owner.revokeSubscription(cal);
        assertTrue(feed.read(renewed).isEmpty());
        assertTrue(feed.read("x").isEmpty());
        assertTrue(feed.read("A".repeat(43)).isEmpty());
        assertTrue(feed.read(otherToken).isPresent(), "one calendar's revocation leaves the other's");
        assertEquals("agenda.calendar.gone", assertThrows(NotFoundException.class,
                () -> colleague.renewSubscription(cal)).messageKey());
        assertEquals("agenda.calendar.gone", assertThrows(NotFoundException.class,
                () -> colleague.revokeSubscription(other)).messageKey());
        assertTrue(feed.read(otherToken).isPresent());
    }

    @Test
    void onlyItsOwnerDeletesACalendarWithItsEventsLeavingATombstoneButNeverTheDefaultOne() {
        long first = owner.calendars().get(0).id();
        long project = owner.createCalendar("Projet théâtre", "#2e7d32").id();
        owner.importFile(project, ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:repetition-1\r\nSUMMARY:Répétition\r\n"
                + "DTSTART:20261110T170000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").getBytes(StandardCharsets.UTF_8));
        owner.create(project, appointment(false));
        owner.share(project, COLLEAGUE, CalendarLevel.EDIT);
        String token = owner.renewSubscription(project);

        assertEquals("agenda.calendar.gone", assertThrows(NotFoundException.class,
                () -> colleague.deleteCalendar(project)).messageKey(), "modifier is not owning");
        assertThrows(NotFoundException.class, () -> colleague.eventCount(project));
        assertEquals(2, fixture.count(project));
        assertEquals(2, owner.eventCount(project));

        assertEquals(2, owner.deleteCalendar(project));
        assertEquals(0, fixture.count(project));
        assertTrue(feed.read(token).isEmpty(), "its subscription address went with it");
        assertEquals(List.of("Agenda"), owner.calendars().stream().map(AgendaCalendar::name).toList());
        String uids = fixture.tombstone(OWNER, "Projet théâtre");
        assertTrue(uids != null && uids.contains("repetition-1") && uids.split(",").length == 2, uids);
        assertThrows(NotFoundException.class, () -> owner.entries(List.of(project), OCT19, NOV10));
        assertThrows(NotFoundException.class, () -> owner.deleteCalendar(project));

        assertEquals("agenda.calendar.default", assertThrows(InvalidInputException.class,
                () -> owner.deleteCalendar(first)).messageKey(), "the default calendar stays: never none left");
        assertEquals(List.of(first), owner.calendars().stream().map(AgendaCalendar::id).toList());
    }

    @EJB
    private AsHolidaysAdmin admin;

    private static void readOnly(Executable call) {
        assertEquals("agenda.calendar.readOnly", assertThrows(InvalidInputException.class, call).messageKey());
    }

    @Test
    void theAcademysSchoolHolidaysAreAReadOnlyCalendarThatFollowsEachUploadWithoutDoubling() throws IOException {
        fixture.clearHolidays();
        try {
            byte[] ministry = corpus("zone-a-2025-2026.ics");
            assertFalse(owner.holidaysOffered());
            assertEquals("agenda.holidays.none", assertThrows(NotFoundException.class, owner::addHolidays)
                    .messageKey());
            Throwable refused = assertThrows(EJBException.class, () -> owner.importHolidays(ministry));
            while (refused != null && !(refused instanceof EJBAccessException)) {
                refused = refused.getCause();
            }
            assertTrue(refused instanceof EJBAccessException, "a teacher's crafted import is refused by role");
            assertFalse(owner.holidaysOffered(), "nothing imported");

            IcsImportReport first = admin.importFile(ministry);
            assertEquals(List.of(6, 0, 0), List.of(first.created(), first.updated(), first.unchanged()));
            assertEquals(List.of("73 agenda.import.noStart"), first.skipped().stream()
                    .map(k -> k.line() + " " + k.reason()).toList());
            HolidayState state = admin.state();
            assertEquals(List.of(6, LocalDate.of(2025, 10, 18), LocalDate.of(2026, 7, 4), List.of("A")),
                    List.of(state.periods(), state.first(), state.last(), state.zones()));

            assertTrue(owner.holidaysOffered());
            AgendaCalendar hol = owner.addHolidays();
            assertEquals(List.of("Vacances scolaires", true, CalendarLevel.OWNER), List.of(hol.name(),
                    hol.readOnly(), hol.level()));
            assertFalse(owner.holidaysOffered(), "added once");
            assertEquals(hol.id(), owner.addHolidays().id(), "a second click adds nothing");
            assertEquals(6, fixture.count(hol.id()));
            List<AgendaEntry> october = owner.entries(List.of(hol.id()), LocalDateTime.of(2025, 10, 1, 0, 0),
                    LocalDateTime.of(2025, 11, 1, 0, 0));
            assertEquals(1, october.size(), october.toString());
            AgendaEntry toussaint = october.get(0);
            assertEquals(List.of("Vacances de la Toussaint - Zone A", true, LocalDateTime.of(2025, 10, 18, 0, 0),
                    LocalDateTime.of(2025, 11, 3, 0, 0), false), List.of(toussaint.title(), toussaint.allDay(),
                    toussaint.start(), toussaint.end(), toussaint.editable()));

            Object[] before = fixture.stored(toussaint.eventId());
            EventDraft longer = new EventDraft("Vacances prolongées", true, LocalDateTime.of(2025, 10, 18, 0, 0),
                    LocalDateTime.of(2025, 11, 10, 0, 0), null, null, false, Repeat.NONE);
            readOnly(() -> owner.update(toussaint.eventId(), null, Scope.ALL, longer));
            readOnly(() -> owner.delete(toussaint.eventId(), null, Scope.ALL));
            readOnly(() -> owner.create(hol.id(), appointment(false)));
            readOnly(() -> owner.importFile(hol.id(), corpus("google.ics")));
            readOnly(() -> ownerMeets.invite(toussaint.eventId(), List.of(address(COLLEAGUE))));
            assertEquals(List.of(), ownerMeets.attendees(toussaint.eventId()), "reading is not changing");
            assertEquals(Arrays.asList(before), Arrays.asList(fixture.stored(toussaint.eventId())), "nothing changed");
            assertEquals(6, fixture.count(hol.id()));
            assertTrue(owner.calendars().stream().noneMatch(c -> c.id() != hol.id() && c.readOnly()));
            assertTrue(text(owner.export(hol.id())).contains("SUMMARY:Vacances de Noël - Zone A"), "exported");

            IcsImportReport again = admin.importFile(ministry);
            assertEquals(List.of(0, 0, 6), List.of(again.created(), again.updated(), again.unchanged()));
            assertEquals(6, fixture.count(hol.id()), "not doubled");
            assertEquals(((Number) before[2]).longValue(), fixture.token(hol.id()), "nothing changed for sync clients");
            byte[] corrected = new String(ministry, StandardCharsets.UTF_8).replace(
                    "SUMMARY:Vacances de la Toussaint - Zone A", "SUMMARY:Vacances de la Toussaint (rectifié) - Zone A")
                    .getBytes(StandardCharsets.UTF_8);
            assertEquals(1, admin.importFile(corrected).updated());
            assertEquals(6, fixture.count(hol.id()), "still not doubled");
            assertEquals("Vacances de la Toussaint (rectifié) - Zone A", owner.entry(toussaint.eventId(), null)
                    .title(), "the teacher's calendar follows the academy's upload");
            assertTrue(fixture.token(hol.id()) > ((Number) before[2]).longValue(), "sync clients see the change");

            assertEquals(6, owner.deleteCalendar(hol.id()));
            assertTrue(owner.holidaysOffered(), "it can come back");
            assertEquals(6, fixture.count(owner.addHolidays().id()));
        } finally {
            fixture.clearHolidays();
        }
    }
}
