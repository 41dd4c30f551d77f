package fr.preau.mail;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A label (étiquette): a name the user reads, the IMAP keyword stored on the messages, and a colour
 * ({@code #rrggbb}). The keyword is the name folded to lower-case ASCII (ADR 0020), as Thunderbird names its tags.
 */
public record MailLabel(String keyword, String name, String colour) implements Serializable {
    public static final int MAX_NAME = 40;

    /** The keyword of a label name: lower case, accents removed, anything else than a-z 0-9 as {@code _}. */
    public static String keywordOf(String name) {
        String ascii = Normalizer.normalize(name.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    /** True for {@code #rrggbb}. */
    public static boolean isColour(String colour) {
        return colour != null && colour.matches("#[0-9a-fA-F]{6}");
    }
}
