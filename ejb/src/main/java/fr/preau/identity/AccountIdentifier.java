package fr.preau.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

import fr.preau.shared.InvalidInputException;

/**
 * The identifier {@code prenom.nom} of a new account, from the names an administrator types: accents folded
 * ({@code Hélène} → {@code helene}, {@code Œ} → {@code oe}), apostrophes dropped ({@code d'Arc} → {@code darc}),
 * spaces and hyphens made one hyphen ({@code Jean Pierre} → {@code jean-pierre}), anything else dropped. Homonyms
 * get the first free of {@code prenom.nom}, {@code prenom.nom2}, {@code prenom.nom3} … The same rule names an account
 * again when it is renamed (docs/adr/0096).
 */
public final class AccountIdentifier {
    /** Room left for the homonym number in the 64 characters of an identifier. */
    private static final int MAX_BASE = 58;
    /** Longest first or last name kept (the forms' maxlength). */
    private static final int MAX_NAME = 90;

    private AccountIdentifier() {
    }

    /** {@code prenom.nom}, or empty when a name has no letter left once folded. */
    public static String base(String firstName, String lastName) {
        String first = fold(firstName);
        String last = fold(lastName);
        if (first.isEmpty() || last.isEmpty()) {
            return "";
        }
        String base = first + "." + last;
        if (base.length() > MAX_BASE) {
            base = base.substring(0, MAX_BASE).replaceAll("[.-]+$", "");
        }
        return base;
    }

    /** Whether {@code username} is {@code base} or one of its homonyms ({@code base2}, {@code base3} …). */
    public static boolean isOf(String username, String base) {
        return username != null && username.replaceFirst("[0-9]+$", "").equals(base);
    }

    /**
     * Refuses a first or last name that is missing or longer than 90 characters (the field and message the forms
     * show).
     */
    static void checkNames(String firstName, String lastName) {
        if (firstName == null || firstName.isBlank()) {
            throw new InvalidInputException("firstName", "identity.firstName.required", null);
        }
        if (lastName == null || lastName.isBlank()) {
            throw new InvalidInputException("lastName", "identity.lastName.required", null);
        }
        if (firstName.trim().length() > MAX_NAME || lastName.trim().length() > MAX_NAME) {
            throw new InvalidInputException("lastName", "identity.name.tooLong", String.valueOf(MAX_NAME));
        }
    }

    /** The first of {@code base}, {@code base2}, {@code base3} … that is not taken. */
    public static String firstFree(String base, Predicate<String> taken) {
        if (!taken.test(base)) {
            return base;
        }
        for (int n = 2;; n++) {
            String candidate = base + n;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
    }

    static String fold(String name) {
        if (name == null) {
            return "";
        }
        String s = name.trim().toLowerCase(Locale.FRENCH)
                .replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        s = s.replaceAll("['’ʼ`´]", "");
        s = s.replaceAll("[\\s_-]+", "-");
        s = s.replaceAll("[^a-z-]", "");
        return s.replaceAll("-{2,}", "-").replaceAll("^-+|-+$", "");
    }
}
