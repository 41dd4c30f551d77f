package fr.preau.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.preau.shared.SearchText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HrFeedTest {
    @TempDir
    Path dir;

    private static Map<String, String> line(String... overrides) {
        Map<String, String> cells = new HashMap<>(Map.ofEntries(Map.entry("matricule", "E100001"),
                Map.entry("nom", "Martin"), Map.entry("prenom", "Hélène"), Map.entry("fonction", "ens"),
                Map.entry("discipline", "Mathématiques"), Map.entry("uai", "0380089t"),
                Map.entry("etablissement", "Collège Champollion"), Map.entry("type_etablissement", "Collège"),
                Map.entry("commune", "Grenoble"), Map.entry("circonscription", ""),
                Map.entry("telephone_professionnel", "04.76.12.34.56"), Map.entry("telephone_personnel", ""),
                Map.entry("courriel", "Helene.Martin@ac-preau.fr")));
        for (int i = 0; i < overrides.length; i += 2) {
            cells.put(overrides[i], overrides[i + 1]);
        }
        return cells;
    }

    @Test
    void aGoodLineIsCheckedAndWrittenTheFrenchWay() throws FeedFault {
        HrLine l = HrFeed.parse(2, line());
        assertEquals(StaffFunction.ENS, l.function());
        assertEquals("0380089T", l.uai());
        assertEquals("04 76 12 34 56", l.workPhone());
        assertNull(l.personalPhone());
        assertNull(l.circonscription());
        assertEquals("helene.martin@ac-preau.fr", l.address());
        assertEquals("martin helene enseignant mathematiques college champollion grenoble 0380089t college",
                l.searchText());
    }

    @Test
    void eachFaultIsNamedWithItsLineAndValue() {
        record Case(String column, String value, String key) {
        }
        for (Case c : List.of(new Case("matricule", "", "directory.import.fault.hrIdMissing"),
                new Case("matricule", "E-1/2", "directory.import.fault.hrId"),
                new Case("nom", " ", "directory.import.fault.missing"),
                new Case("fonction", "XYZ", "directory.import.fault.function"),
                new Case("uai", "38089", "directory.import.fault.uai"),
                new Case("commune", "", "directory.import.fault.missing"),
                new Case("telephone_professionnel", "0476", "directory.import.fault.phone"),
                new Case("telephone_personnel", "+44 20 7946 0000", "directory.import.fault.phone"),
                new Case("courriel", "helene.martin", "directory.import.fault.address"),
                new Case("prenom", "Hél\uFFFDne", "directory.import.fault.unreadable"),
                new Case("discipline", "x".repeat(101), "directory.import.fault.tooLong"))) {
            FeedFault f = assertThrows(FeedFault.class, () -> HrFeed.parse(7, line(c.column(), c.value())),
                    c.toString());
            assertEquals(c.key(), f.key(), c.toString());
            assertEquals(7, f.line());
        }
    }

    @Test
    void phonesAreReadInTheirUsualForms() throws FeedFault {
        for (String typed : List.of("0476123456", "04 76 12 34 56", "04.76.12.34.56", "+33 4 76 12 34 56",
                "0033476123456", "04-76-12-34-56")) {
            assertEquals("04 76 12 34 56", HrFeed.phone(2, "E1", typed), typed);
        }
    }

    @Test
    void theSampleIsReadWithItsLineNumbersQuotesAndAccents() throws Exception {
        Path sample = Path.of(getClass().getResource("/directory/annuaire-exemple.csv").toURI());
        Path withBom = dir.resolve("bom.csv");
        Files.write(withBom, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Files.readAllBytes(sample)));
        List<HrLine> good = new ArrayList<>();
        List<FeedFault> faults = new ArrayList<>();
        try (FeedFile feed = FeedFile.open(withBom)) {
            Optional<FeedFile.Row> row;
            while ((row = feed.next()).isPresent()) {
                try {
                    good.add(HrFeed.parse(row.get().line(), row.get().cells()));
                } catch (FeedFault f) {
                    faults.add(f);
                }
            }
        }
        assertEquals(List.of(2, 3, 4, 5, 6, 11), good.stream().map(HrLine::line).toList());
        assertEquals("Lycée Stendhal; site Bayard", good.get(2).establishmentName());
        assertEquals("Nguyễn", good.get(2).lastName());
        assertEquals(List.of(7, 8, 9, 10), faults.stream().map(FeedFault::line).toList());
        assertEquals(List.of("directory.import.fault.function", "directory.import.fault.missing",
                "directory.import.fault.uai", "directory.import.fault.phone"),
                faults.stream().map(FeedFault::key).toList());
    }

    @Test
    void aFeedWithoutAColumnIsRefusedWhole() throws IOException {
        Path file = dir.resolve("sans-uai.csv");
        Files.writeString(file, "matricule;nom;prenom;fonction;discipline;etablissement;type_etablissement;commune;"
                + "circonscription;telephone_professionnel;telephone_personnel;courriel\n", StandardCharsets.UTF_8);
        FeedRefused refused = assertThrows(FeedRefused.class, () -> FeedFile.open(file));
        assertEquals("directory.import.refused.columns", refused.key());
        assertEquals("uai", refused.detail());
        assertEquals("directory.import.refused.unreadable",
                assertThrows(FeedRefused.class, () -> FeedFile.open(dir.resolve("absent.csv"))).key());
    }

    @Test
    void brokenQuotingStopsTheReadingWhereItIs() throws Exception {
        Path file = dir.resolve("guillemets.csv");
        Files.writeString(file, String.join(";", HrFeed.COLUMNS) + "\n"
                + "E1;Martin;Anne;ENS;;0380089T;Collège;;Grenoble;;;;\n"
                + "E2;\"Martin;Anne;ENS;;0380089T;Collège;;Grenoble;;;;\n", StandardCharsets.UTF_8);
        try (FeedFile feed = FeedFile.open(file)) {
            assertTrue(feed.next().isPresent());
            assertEquals("directory.import.refused.broken",
                    assertThrows(FeedRefused.class, feed::next).key());
        }
    }

    @Test
    void searchTextIgnoresAccentsCaseAndApostrophes() {
        assertEquals("jeanne darc cpe", SearchText.of("Jeanne", "D'Arc", "CPE"));
        assertEquals("oedipe lefevre durand", SearchText.fold("Œdipe LEFÈVRE-Durand"));
        assertEquals(List.of("helene", "math"), SearchText.words("  Hélène   MATH hélène "));
        assertEquals(List.of(), SearchText.words(" '- "));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
