package fr.preau.agenda;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

import fr.preau.delegation.DelegationFixture;
import fr.preau.testing.ItArchive;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On demand only ({@code -Dit.test=AgendaBench}; the suite runs {@code *IT}): a teacher's school year made through the
 * agenda service as the page makes it (25 weekly lessons from September to July, each with two cancelled and one
 * moved occurrence, and 200 one-off events), then the month view's call, {@link Agenda#entries} over the six weeks
 * the page's month shows, for each month from September to June. The figures go to the log (docs/benchmarks.md,
 * "Agenda: a school year").
 */
@ExtendWith(ArquillianExtension.class)
class AgendaBench {
    private static final Logger LOG = Logger.getLogger(AgendaBench.class.getName());
    private static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 9, 7);
    private static final LocalDate LAST_DAY = LocalDate.of(2027, 7, 2);
    private static final int ROUNDS = Integer.getInteger("preau.bench.runs", 5);

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("agenda-bench.war");
    }

    @EJB
    private AsOwner owner;

    @EJB
    private AgendaFixture fixture;

    @EJB
    private DelegationFixture accounts;

    @Test
    void aMonthOfASchoolYearOfLessons() {
        accounts.accounts(List.of(AsOwner.USERNAME));
        fixture.reset(List.of(AsOwner.USERNAME));
        long calendar = owner.calendars().get(0).id();
        long seeding = System.nanoTime();
        int[] hours = {8, 9, 10, 14, 15};
        for (int day = 0; day < 5; day++) {
            for (int slot = 0; slot < hours.length; slot++) {
                LocalDateTime start = FIRST_MONDAY.plusDays(day).atTime(hours[slot], 0);
                AgendaEntry e = owner.create(calendar, new EventDraft("Cours " + (day * 5 + slot + 1), false, start,
                        start.plusMinutes(55), "Salle " + (slot + 10), "Progression du trimestre", false,
                        new Repeat(Frequency.WEEKLY, LAST_DAY, null)));
                owner.delete(e.eventId(), start.plusWeeks(7), Scope.THIS);
                owner.delete(e.eventId(), start.plusWeeks(8), Scope.THIS);
                LocalDateTime moved = start.plusWeeks(12);
                owner.update(e.eventId(), moved, Scope.THIS, new EventDraft("Cours " + (day * 5 + slot + 1)
                        + " (déplacé)", false, moved.plusHours(3), moved.plusHours(3).plusMinutes(55), "CDI", null,
                        false, Repeat.NONE));
            }
        }
        for (int i = 0; i < 200; i++) {
            LocalDateTime start = FIRST_MONDAY.plusDays(i * 293L / 200).atTime(12 + i % 6, 30);
            owner.create(calendar, new EventDraft("Réunion " + i, false, start, start.plusHours(1), "Salle B",
                    null, false, Repeat.NONE));
        }
        LOG.info(String.format("AgendaBench: school year made through the service in %d ms (25 lessons, 75"
                + " exceptions, 200 one-off events)", (System.nanoTime() - seeding) / 1_000_000));

        List<Double> times = new ArrayList<>();
        int entries = 0;
        for (int round = -1; round < ROUNDS; round++) {
            for (int m = 0; m < 10; m++) {
                LocalDate first = FIRST_MONDAY.withDayOfMonth(1).plusMonths(m);
                LocalDateTime from = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
                long t = System.nanoTime();
                List<AgendaEntry> got = owner.entries(List.of(calendar), from, from.plusWeeks(6));
                double ms = (System.nanoTime() - t) / 1e6;
                if (round >= 0) {
                    times.add(ms);
                    entries = Math.max(entries, got.size());
                }
                assertTrue(got.size() > 100, "a month of lessons");
            }
        }
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        LOG.info(String.format("AgendaBench: month view (Agenda.entries over 6 weeks), %d calls after one untimed"
                + " round: median %.1f ms, p90 %.1f ms, max %.1f ms; up to %d entries a month", sorted.length,
                sorted[sorted.length / 2], sorted[(int) Math.floor(sorted.length * 0.9)], sorted[sorted.length - 1],
                entries));
        LOG.info("AgendaBench: all " + Arrays.toString(sorted));
    }
}
