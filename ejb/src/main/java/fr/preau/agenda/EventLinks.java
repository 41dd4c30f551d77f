package fr.preau.agenda;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links of an event (AGD-1): the web addresses written in its location or description (a video meeting, a
 * shared document), offered as links in the event dialog, as the webmails' agendas do. Only {@code http} and
 * {@code https} addresses: a {@code javascript:} or {@code data:} text stays text.
 */
public final class EventLinks {
    /** At most so many links per event. */
    public static final int MAX = 10;

    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"'«»]+");

    private EventLinks() {
    }

    /** The distinct web addresses in {@code texts}, in order, without the punctuation that ends a sentence. */
    public static List<String> in(String... texts) {
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            if (t == null) {
                continue;
            }
            Matcher m = URL.matcher(t);
            while (m.find() && out.size() < MAX) {
                String u = m.group().replaceAll("[.,;:!?)\\]]+$", "");
                if (u.indexOf("://") + 3 < u.length() && !out.contains(u)) {
                    out.add(u);
                }
            }
        }
        return out;
    }
}
