package fr.preau.shared;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The folded form the directory and the address suggestions are searched in (pure logic): lower case, accents
 * removed ({@code é} → {@code e}, {@code œ} → {@code oe}), apostrophes dropped ({@code d'Arc} → {@code darc}, as
 * identifiers are made), every other sign a space. The stored text and the words typed are folded the same way, so
 * "helene", "Hélène" and "HELENE" find the same people.
 */
public final class SearchText {
    private SearchText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String s = text.toLowerCase(Locale.FRENCH).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = s.replaceAll("['’ʼ`´]", "");
        s = s.replaceAll("[^a-z0-9]+", " ");
        return s.strip();
    }

    /** The folded text of several fields, one space between them. */
    public static String of(String... fields) {
        StringBuilder s = new StringBuilder();
        for (String field : fields) {
            String f = fold(field);
            if (!f.isEmpty()) {
                s.append(s.length() == 0 ? "" : " ").append(f);
            }
        }
        return s.toString();
    }

    /** The folded words of what was typed, each to be found in a person's text; empty when nothing was typed. */
    public static List<String> words(String typed) {
        String f = fold(typed);
        return f.isEmpty() ? List.of() : Arrays.stream(f.split(" ")).distinct().toList();
    }
}
