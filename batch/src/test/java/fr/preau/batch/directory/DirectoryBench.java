package fr.preau.batch.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.logging.Logger;

import fr.preau.batch.archive.ArchiveJobRuns;
import fr.preau.directory.HrFeed;
import fr.preau.shared.SearchText;
import fr.preau.testing.ItArchive;
import fr.preau.testing.WildFlyRestart;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The directory at the academy's size (issue 12; docs/benchmarks.md), on demand only (not an {@code *IT}):
 * {@code -Dit.test=DirectoryBench}, environment {@code PREAU_BENCH_PEOPLE} (default 25,000). It writes a feed of
 * that many people in 300 establishments (French names, functions, subjects and addresses drawn with a fixed seed),
 * imports it (the first night: every person created), imports it again (nothing changes), then times 300 searches of
 * the kinds staff type (part of a name, a name and a town, a subject and a town, a function) as a signed-in user,
 * and compose's suggestions for the same words (their first 12 characters); the figures go to WildFly's log
 * ("directory bench"). The bench's people are deleted at the end.
 */
@ExtendWith(ArquillianExtension.class)
class DirectoryBench {
    private static final Logger LOG = Logger.getLogger(DirectoryBench.class.getName());
    private static final String PREFIX = "BENCH";
    private static final List<String> LAST = List.of("Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard",
            "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David",
            "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau",
            "Vincent", "Muller", "Lefebvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier",
            "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément", "Morin",
            "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Nguyen", "Haddad", "Benali", "D'Arc");
    private static final List<String> FIRST = List.of("Marie", "Jean", "Nathalie", "Pierre", "Isabelle", "Michel",
            "Sylvie", "Philippe", "Catherine", "Alain", "Françoise", "Éric", "Sandrine", "Laurent", "Céline",
            "Hélène", "Stéphane", "Valérie", "Olivier", "Sophie", "Nicolas", "Aurélie", "Julien", "Émilie", "Inès",
            "Karim", "Chloé", "Luc", "Anne", "Gérald");
    private static final List<String> SUBJECTS = List.of("Mathématiques", "Lettres modernes", "Anglais",
            "Histoire-géographie", "Physique-chimie", "SVT", "EPS", "Espagnol", "Allemand", "Philosophie",
            "Technologie", "Arts plastiques", "Éducation musicale", "SES", "Économie-gestion");
    private static final List<String> TOWNS = List.of("Grenoble", "Échirolles", "Saint-Martin-d'Hères", "Voiron",
            "Vienne", "Bourgoin-Jallieu", "Meylan", "Fontaine", "Villefontaine", "Chambéry", "Annecy", "Valence");
    private static final List<String> KINDS = List.of("École", "Collège", "Lycée", "Lycée professionnel");

    @EJB
    private DirectoryFixture fixture;

    @EJB
    private DirectorySearcher searcher;

    @Deployment
    static WebArchive deployment() {
        return ItArchive.of("directory-bench.war").deleteClass(WildFlyRestart.class)
                .addAsResource("META-INF/batch-jobs/directory-import.xml");
    }

    @Test
    void importAndSearchTheAcademy() throws Exception {
        String env = System.getenv("PREAU_BENCH_PEOPLE");
        int people = env == null || env.isBlank() ? 25_000 : Integer.parseInt(env.trim());
        Random random = new Random(2026);
        List<String> lines = new ArrayList<>();
        lines.add(String.join(";", HrFeed.COLUMNS));
        for (int i = 0; i < people; i++) {
            int e = random.nextInt(300);
            String kind = KINDS.get(e % KINDS.size());
            boolean teacher = random.nextInt(10) < 7;
            String last = pick(LAST, random);
            String first = pick(FIRST, random);
            String address = SearchText.fold(first).replace(' ', '-') + "." + SearchText.fold(last).replace(' ', '-')
                    + i + "@ac-preau.fr";
            lines.add(String.join(";", String.format("%s%06d", PREFIX, i), last, first,
                    teacher ? "ENS" : pick(List.of("CPE", "AESH", "ADM", "DIR", "DOC", "AED"), random),
                    teacher ? pick(SUBJECTS, random) : "", String.format("0389%03dZ", e),
                    kind + " " + pick(LAST, random) + " " + e, kind, TOWNS.get(e % TOWNS.size()), "", "", "",
                    address));
        }
        fixture.feed("bench-annuaire.csv", lines);
        try {
            importOnce(people, "first night (every person created)");
            importOnce(people, "second night (nothing changes)");
            search(random);
        } finally {
            fixture.deleteBenchPeople(PREFIX);
        }
    }

    private void importOnce(int people, String label) throws Exception {
        Properties p = new Properties();
        p.setProperty("file", "bench-annuaire.csv");
        p.setProperty("maxDeparturesPercent", "100");
        long execution = BatchRuntime.getJobOperator().start("directory-import", p);
        JobExecution done = ArchiveJobRuns.awaitEnd(execution, Duration.ofHours(1));
        assertEquals(BatchStatus.COMPLETED, done.getBatchStatus());
        long millis = done.getEndTime().getTime() - done.getStartTime().getTime();
        LOG.info(String.format("directory bench: import of %d people, %s: %d ms (%.0f lines/s); %s", people, label,
                millis, people * 1000.0 / Math.max(1, millis), ArchiveJobRuns.stepExit(execution)));
    }

    private void search(Random random) {
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String last = pick(LAST, random).toLowerCase(java.util.Locale.FRENCH);
            queries.add(switch (i % 5) {
                case 0 -> prefix(last, 4);
                case 1 -> last + " " + prefix(pick(TOWNS, random), 4);
                case 2 -> prefix(pick(SUBJECTS, random), 5) + " " + pick(TOWNS, random);
                case 3 -> pick(FIRST, random) + " " + last;
                default -> "cpe " + pick(TOWNS, random);
            });
        }
        time("searches", queries, q -> searcher.search(q).size());
        fixture.account(DirectorySearcher.USERNAME, DirectorySearcher.USERNAME + "@ac-preau.fr");
        time("compose suggestions (contacts, groups, recent, accounts, directory, ranked)",
                queries.stream().map(q -> prefix(q, 12)).toList(), q -> searcher.suggest(q).size());
    }

    /** Runs each query (50 untimed first: JIT and PostgreSQL's caches) and logs the percentiles. */
    private static void time(String what, List<String> queries, java.util.function.ToIntFunction<String> run) {
        for (String q : queries.subList(0, 50)) {
            run.applyAsInt(q);
        }
        long[] nanos = new long[queries.size()];
        int found = 0;
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            found += run.applyAsInt(queries.get(i));
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        assertFalse(found == 0, what + " find people");
        LOG.info(String.format("directory bench: %d %s, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms;"
                + " %.1f found per query", nanos.length, what, nanos[nanos.length / 2] / 1e6,
                nanos[nanos.length * 9 / 10] / 1e6, nanos[nanos.length * 99 / 100] / 1e6,
                nanos[nanos.length - 1] / 1e6, found / (double) nanos.length));
    }

    private static String prefix(String word, int letters) {
        return word.substring(0, Math.min(letters, word.length()));
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
