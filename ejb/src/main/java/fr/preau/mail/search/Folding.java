package fr.preau.mail.search;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text the same way for the index and for the query: lower case, accents removed, ligatures spelled out,
 * anything but letters and digits turned into spaces. So "etudiant" finds "Étudiant" and "oeuvre" finds "Œuvre".
 */
public final class Folding {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Folding() {
    }

    /** The folded text, words separated by one space. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        String stripped = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return NOT_WORD.matcher(stripped).replaceAll(" ").strip();
    }

    /** The folded words of a query, at most {@code max}. */
    public static List<String> words(String text, int max) {
        String folded = fold(text);
        if (folded.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(folded.split(" ")).distinct().limit(max).toList();
    }
}
