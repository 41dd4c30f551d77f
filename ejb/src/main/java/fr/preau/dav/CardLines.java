package fr.preau.dav;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The values of one property of a vCard's text (RFC 6350 §3.2-3.4), for the filters of an addressbook-query: lines
 * unfolded, a group prefix ({@code item1.EMAIL}) and parameters dropped, {@code \,} {@code \;} {@code \n} unescaped.
 */
public final class CardLines {
    private CardLines() {
    }

    /** The values of property {@code name} (case ignored), in order. */
    public static List<String> values(String card, String name) {
        List<String> values = new ArrayList<>();
        String wanted = name.toUpperCase(Locale.ROOT);
        for (String line : card.replace("\r\n", "\n").replace("\n ", "").replace("\n\t", "").split("\n")) {
            int colon = colon(line);
            if (colon < 0) {
                continue;
            }
            String head = line.substring(0, colon);
            int semi = head.indexOf(';');
            String prop = (semi < 0 ? head : head.substring(0, semi)).toUpperCase(Locale.ROOT);
            int dot = prop.lastIndexOf('.');
            if (dot >= 0) {
                prop = prop.substring(dot + 1);
            }
            if (prop.equals(wanted)) {
                values.add(line.substring(colon + 1).replace("\\n", "\n").replace("\\N", "\n").replace("\\,", ",")
                        .replace("\\;", ";").replace("\\\\", "\\"));
            }
        }
        return values;
    }

    /** The colon that ends the name and parameters (a quoted parameter value may hold one). */
    private static int colon(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ':' && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
