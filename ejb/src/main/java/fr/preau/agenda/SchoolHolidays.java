package fr.preau.agenda;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.preau.account.Account;
import fr.preau.account.AccountService;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The academy's school holidays as a read-only calendar (issue 14, item 1; docs/adr/0110). An administrator uploads
 * the Ministry's {@code .ics} of the academy's zone once a year ({@link #importFile}, role {@code admin}): it is read
 * with {@link IcsFile} (broken events listed), kept by UID in {@code agenda_holiday}, and copied at once into every
 * teacher's holiday calendar. A teacher adds the calendar "Vacances scolaires" once ({@link #addCalendar}); it is
 * theirs to show, hide, export or delete, but no change of its events is accepted ({@code agenda.calendar.readOnly},
 * checked by {@link Agenda} and {@link AgendaFiles}).
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
public class SchoolHolidays {
    /** The name of the teachers' holiday calendar. */
    public static final String NAME = "Vacances scolaires";
    /** Its name when the teacher already has a calendar of that name. */
    static final String OTHER_NAME = "Vacances scolaires (académie)";
    /** Its colour. */
    public static final String COLOUR = "#2e7d32";
    private static final Pattern ZONE = Pattern.compile("(?i)\\bzones?\\s+([A-C](?:\\s*(?:et|,)\\s*[A-C])*|Corse)\\b");

    @Inject
    private HolidayRows holidays;

    @Inject
    private CalendarRows calendars;

    @EJB
    private Agenda agenda;

    @EJB
    private AccountService accounts;

    @Resource
    private SessionContext context;

    /**
     * Imports the Ministry's file: each valid period is stored by UID (a period already there is replaced, so a
     * new year's file that still holds last year's periods does not double them; periods the file no longer holds
     * stay), then every teacher's holiday calendar is brought up to date. Broken events are left out and listed.
     *
     * @throws fr.preau.shared.InvalidInputException field {@code file}: too large, not an iCalendar file, too many
     *         events; nothing is imported
     */
    @RolesAllowed("admin")
    public IcsImportReport importFile(byte[] bytes) {
        List<IcsImportReport.Skipped> skipped = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (IcsFile.Entry e : IcsFile.read(bytes)) {
            if (e.fault() != null) {
                skipped.add(new IcsImportReport.Skipped(e.line(), e.uid(), e.title(), e.fault()));
                continue;
            }
            EventObject o = e.event();
            Optional<String> there = holidays.ical(o.uid());
            if (there.isPresent() && there.get().equals(o.text())) {
                unchanged++;
                continue;
            }
            holidays.put(o.uid(), o.draft().title(), o.text(), o.firstStart(), o.lastEnd().orElse(null));
            if (there.isPresent()) {
                updated++;
            } else {
                created++;
            }
        }
        holidays.refresh(null);
        return new IcsImportReport(created, updated, unchanged, List.copyOf(skipped));
    }

    /** What the academy's holidays hold now. */
    @RolesAllowed("admin")
    public HolidayState state() {
        List<Object[]> rows = holidays.periods();
        if (rows.isEmpty()) {
            return new HolidayState(0, null, null, List.of(), null);
        }
        TreeSet<String> zones = new TreeSet<>();
        LocalDate last = null;
        Instant importedAt = null;
        for (Object[] r : rows) {
            Matcher m = ZONE.matcher((String) r[0]);
            if (m.find()) {
                zones.add(m.group(1));
            }
            Instant end = r[2] == null ? instant(r[1]) : instant(r[2]).minusSeconds(1);
            LocalDate day = end.atZone(EventObject.PARIS).toLocalDate();
            last = last == null || day.isAfter(last) ? day : last;
            Instant at = instant(r[3]);
            importedAt = importedAt == null || at.isAfter(importedAt) ? at : importedAt;
        }
        return new HolidayState(rows.size(), instant(rows.get(0)[1]).atZone(EventObject.PARIS).toLocalDate(), last,
                List.copyOf(zones), importedAt);
    }

    /** Whether "Ajouter les vacances scolaires" is offered: the academy has them and the caller has not added them. */
    public boolean offered() {
        return holidays.any() && holidays.calendarOf(me().getId()).isEmpty();
    }

    /**
     * Adds the read-only calendar "Vacances scolaires" to the caller's calendars with the academy's periods (the
     * one they have when they already added it).
     *
     * @throws NotFoundException {@code agenda.holidays.none}: the academy has not imported them
     */
    public AgendaCalendar addCalendar() {
        Account me = me();
        agenda.calendars();
        Optional<Long> mine = holidays.calendarOf(me.getId());
        long id;
        if (mine.isPresent()) {
            id = mine.get();
        } else {
            if (!holidays.any()) {
                throw new NotFoundException("agenda.holidays.none", null);
            }
            String name = calendars.nameTaken(me.getId(), NAME, -1) ? OTHER_NAME : NAME;
            id = calendars.insert(me.getId(), UUID.randomUUID().toString(), name, COLOUR);
            holidays.mark(id);
            holidays.refresh(id);
        }
        return agenda.calendars().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return value instanceof OffsetDateTime t ? t.toInstant() : (Instant) value;
    }

    private Account me() {
        String name = context.getCallerPrincipal().getName();
        return accounts.findEnabled(name).orElseThrow(() -> new NotFoundException("agenda.person.unknown", name));
    }
}
