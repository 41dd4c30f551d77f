package fr.preau.mail;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import fr.preau.shared.InvalidInputException;

/**
 * An e-mail address with an optional display name. Parsing is strict on purpose: a user-typed list of recipients is
 * accepted only if every entry is a plausible address, and the first bad one is named back to the user.
 */
public record MailAddress(String address, String personal) implements Serializable {
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final int MAX_RECIPIENTS = 500;

    public MailAddress {
        if (address == null || !ADDRESS.matcher(address).matches() || address.length() > 254) {
            throw new IllegalArgumentException("Not an address: " + address);
        }
        address = address.toLowerCase(Locale.ROOT);
        personal = personal == null || personal.isBlank() ? null : stripControls(personal).trim();
    }

    /** True if the text is a plain address such as {@code prenom.nom@ac-preau.fr}. */
    public static boolean isValid(String address) {
        return address != null && address.length() <= 254 && ADDRESS.matcher(address).matches();
    }

    /** The domain part, in lower case. */
    public String domain() {
        return address.substring(address.indexOf('@') + 1);
    }

    /** "Marie Dupont" if known, else the address. */
    public String label() {
        return personal != null ? personal : address;
    }

    /**
     * Parses a list typed by a user: entries separated by commas or semicolons, each {@code address} or
     * {@code Name <address>}.
     *
     * @param field the form field, named in the failure
     * @throws InvalidInputException {@code compose.error.recipient.empty} when there is no entry,
     *     {@code compose.error.address} with the entry that is not an address ({@code compose.error.addresses}
     *     naming each of them when there are several), or
     *     {@code compose.error.recipient.tooMany}
     */
    public static List<MailAddress> parseList(String field, String input, boolean required) {
        List<MailAddress> result = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (String entry : splitEntries(input == null ? "" : input)) {
            try {
                result.add(parseEntry(field, entry));
            } catch (InvalidInputException e) {
                bad.add(entry);
            }
        }
        if (bad.size() == 1) {
            throw new InvalidInputException(field, "compose.error.address", bad.get(0));
        }
        if (bad.size() > 1) {
            throw new InvalidInputException(field, "compose.error.addresses", "« " + String.join(" », « ", bad) + " »");
        }
        if (required && result.isEmpty()) {
            throw new InvalidInputException(field, "compose.error.recipient.empty", null);
        }
        if (result.size() > MAX_RECIPIENTS) {
            throw new InvalidInputException(field, "compose.error.recipient.tooMany", String.valueOf(MAX_RECIPIENTS));
        }
        return result;
    }

    private static MailAddress parseEntry(String field, String entry) {
        String name = null;
        String address = entry;
        int open = entry.lastIndexOf('<');
        if (open >= 0) {
            int close = entry.indexOf('>', open);
            if (close < 0 || !entry.substring(close + 1).isBlank()) {
                throw new InvalidInputException(field, "compose.error.address", entry);
            }
            address = entry.substring(open + 1, close).trim();
            name = entry.substring(0, open).trim();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1);
            }
        }
        if (!isValid(address)) {
            throw new InvalidInputException(field, "compose.error.address", entry);
        }
        return new MailAddress(address, name);
    }

    private static List<String> splitEntries(String input) {
        List<String> entries = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean angled = false;
        for (char c : input.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '<' && !quoted) {
                angled = true;
            } else if (c == '>' && !quoted) {
                angled = false;
            }
            if ((c == ',' || c == ';' || c == '\n' || c == '\r') && !quoted && !angled) {
                addEntry(entries, current);
            } else {
                current.append(c);
            }
        }
        addEntry(entries, current);
        return entries;
    }

    private static void addEntry(List<String> entries, StringBuilder current) {
        String entry = current.toString().trim();
        if (!entry.isEmpty()) {
            entries.add(entry);
        }
        current.setLength(0);
    }

    private static String stripControls(String text) {
        return text.replaceAll("[\\p{Cntrl}]", " ");
    }

    @Override
    public String toString() {
        return personal == null ? address : personal + " <" + address + ">";
    }
}
