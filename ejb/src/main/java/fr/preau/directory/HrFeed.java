package fr.preau.directory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The layout of the HR feed (docs/directory-feed.md) and the check of one of its lines (pure logic). A line with a
 * fault is never applied in part: {@link #parse} returns the whole person or throws the first fault found.
 */
public final class HrFeed {
    /** The columns, in the order of the sample; a feed may order them otherwise, but must have every one. */
    public static final List<String> COLUMNS = List.of("matricule", "nom", "prenom", "fonction", "discipline", "uai",
            "etablissement", "type_etablissement", "commune", "circonscription", "telephone_professionnel",
            "telephone_personnel", "courriel");

    private static final Pattern HR_ID = Pattern.compile("[A-Za-z0-9]{1,32}");
    private static final Pattern UAI = Pattern.compile("[0-9]{7}[A-Z]");
    private static final Pattern ADDRESS = Pattern.compile("[a-z0-9._%+-]+@[a-z0-9-]+(\\.[a-z0-9-]+)+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\uFFFD]");

    private HrFeed() {
    }

    /**
     * The person of line {@code line}, its cells by column name.
     *
     * @throws FeedFault the first fault of the line
     */
    public static HrLine parse(int line, Map<String, String> cells) throws FeedFault {
        String hrId = cell(cells, "matricule");
        if (hrId == null) {
            throw new FeedFault(line, null, "directory.import.fault.hrIdMissing", null);
        }
        if (!HR_ID.matcher(hrId).matches()) {
            throw new FeedFault(line, null, "directory.import.fault.hrId", hrId);
        }
        Checker c = new Checker(line, hrId, cells);
        String lastName = c.required("nom", 100);
        String firstName = c.required("prenom", 100);
        String code = c.required("fonction", 8);
        StaffFunction function = StaffFunction.of(code)
                .orElseThrow(() -> new FeedFault(line, hrId, "directory.import.fault.function", code));
        String discipline = c.optional("discipline", 100);
        String uai = c.required("uai", 8).toUpperCase(Locale.ROOT);
        if (!UAI.matcher(uai).matches()) {
            throw new FeedFault(line, hrId, "directory.import.fault.uai", uai);
        }
        String establishment = c.required("etablissement", 200);
        String kind = c.optional("type_etablissement", 60);
        String town = c.required("commune", 100);
        String circonscription = c.optional("circonscription", 100);
        String workPhone = phone(line, hrId, c.optional("telephone_professionnel", 32));
        String personalPhone = phone(line, hrId, c.optional("telephone_personnel", 32));
        String address = c.optional("courriel", 254);
        if (address != null) {
            address = address.toLowerCase(Locale.ROOT);
            if (!ADDRESS.matcher(address).matches()) {
                throw new FeedFault(line, hrId, "directory.import.fault.address", address);
            }
        }
        return new HrLine(line, hrId, lastName, firstName, function, discipline, uai, establishment, kind, town,
                circonscription, workPhone, personalPhone, address);
    }

    /** The columns of {@code header} that are missing (names compared in lower case, spaces stripped). */
    public static List<String> missingColumns(List<String> header) {
        List<String> names = header.stream().map(h -> h == null ? "" : h.strip().toLowerCase(Locale.ROOT)).toList();
        return COLUMNS.stream().filter(c -> !names.contains(c)).toList();
    }

    /**
     * A French phone number written {@code 04 76 12 34 56} (from {@code 0476123456}, {@code 04.76.12.34.56} or
     * {@code +33 4 76 12 34 56}); null when empty.
     */
    static String phone(int line, String hrId, String typed) throws FeedFault {
        if (typed == null) {
            return null;
        }
        String digits = typed.replaceAll("[\\s.\\-()]", "");
        if (digits.startsWith("+33")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("0033")) {
            digits = "0" + digits.substring(4);
        }
        if (!digits.matches("0[1-9][0-9]{8}")) {
            throw new FeedFault(line, hrId, "directory.import.fault.phone", typed);
        }
        return String.join(" ", digits.substring(0, 2), digits.substring(2, 4), digits.substring(4, 6),
                digits.substring(6, 8), digits.substring(8));
    }

    private static String cell(Map<String, String> cells, String column) {
        String v = cells.get(column);
        if (v == null) {
            return null;
        }
        v = v.strip();
        return v.isEmpty() ? null : v;
    }

    /** Checks the cells of one line. */
    private static final class Checker {
        private final int line;
        private final String hrId;
        private final Map<String, String> cells;

        Checker(int line, String hrId, Map<String, String> cells) {
            this.line = line;
            this.hrId = hrId;
            this.cells = cells;
        }

        String required(String column, int max) throws FeedFault {
            String v = optional(column, max);
            if (v == null) {
                throw new FeedFault(line, hrId, "directory.import.fault.missing", column);
            }
            return v;
        }

        String optional(String column, int max) throws FeedFault {
            String v = cell(cells, column);
            if (v == null) {
                return null;
            }
            if (CONTROL.matcher(v).find()) {
                throw new FeedFault(line, hrId, "directory.import.fault.unreadable", column);
            }
            if (v.length() > max) {
                throw new FeedFault(line, hrId, "directory.import.fault.tooLong", column);
            }
            return v;
        }
    }
}
