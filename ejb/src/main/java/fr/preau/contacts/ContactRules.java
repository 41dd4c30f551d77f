package fr.preau.contacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import fr.preau.mail.MailAddress;
import fr.preau.shared.InvalidInputException;

/**
 * What a contact may hold (pure logic): a name or an e-mail address at least, valid addresses (stored in lower
 * case), phone numbers made of digits and the usual signs, every field within the length of its column, ten
 * addresses and ten phones at most. Text is trimmed and control characters removed; an unknown type becomes
 * {@code other}.
 */
public final class ContactRules {
    public static final int NAME_MAX = 100;
    public static final int ORGANISATION_MAX = 200;
    public static final int POSTAL_MAX = 500;
    public static final int NOTE_MAX = 2000;
    public static final int PHONE_MAX = 32;
    public static final int VALUES_MAX = 10;
    public static final int GROUP_NAME_MAX = 100;

    private static final Set<String> EMAIL_TYPES = Set.of("work", "home", "other");
    private static final Set<String> PHONE_TYPES = Set.of("work", "home", "mobile", "other");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().\\-/]{2,32}");

    private ContactRules() {
    }

    /**
     * The draft made tidy, or the first fault.
     *
     * @throws InvalidInputException {@code contacts.error.empty} (no name, no address), {@code contacts.error.address}
     *     with the address, {@code contacts.error.phone} with the number, {@code contacts.error.tooLong} with the
     *     length allowed, {@code contacts.error.tooMany} with the number allowed; the field is the form's
     */
    public static ContactDraft check(ContactDraft d) {
        String first = text("firstName", d.firstName(), NAME_MAX);
        String last = text("lastName", d.lastName(), NAME_MAX);
        List<ContactValue> emails = new ArrayList<>();
        for (ContactValue v : d.emails()) {
            String a = text("emails", v.value(), 254);
            if (a == null) {
                continue;
            }
            if (!MailAddress.isValid(a)) {
                throw new InvalidInputException("emails", "contacts.error.address", a);
            }
            a = a.toLowerCase(Locale.ROOT);
            if (!contains(emails, a)) {
                emails.add(new ContactValue(a, type(v.type(), EMAIL_TYPES)));
            }
        }
        List<ContactValue> phones = new ArrayList<>();
        for (ContactValue v : d.phones()) {
            String p = text("phones", v.value(), PHONE_MAX);
            if (p == null) {
                continue;
            }
            if (!PHONE.matcher(p).matches() || p.chars().noneMatch(Character::isDigit)) {
                throw new InvalidInputException("phones", "contacts.error.phone", p);
            }
            if (!contains(phones, p)) {
                phones.add(new ContactValue(p, type(v.type(), PHONE_TYPES)));
            }
        }
        if (emails.size() > VALUES_MAX) {
            throw new InvalidInputException("emails", "contacts.error.tooMany", String.valueOf(VALUES_MAX));
        }
        if (phones.size() > VALUES_MAX) {
            throw new InvalidInputException("phones", "contacts.error.tooMany", String.valueOf(VALUES_MAX));
        }
        if (first == null && last == null && emails.isEmpty()) {
            throw new InvalidInputException("lastName", "contacts.error.empty", null);
        }
        String uid = d.uid() == null || d.uid().isBlank() || d.uid().length() > 255 ? null : d.uid().strip();
        return new ContactDraft(first, last, emails, phones,
                text("organisation", d.organisation(), ORGANISATION_MAX), text("title", d.title(), ORGANISATION_MAX),
                text("postalAddress", d.postalAddress(), POSTAL_MAX), text("note", d.note(), NOTE_MAX), uid);
    }

    /**
     * A group's name, trimmed.
     *
     * @throws InvalidInputException {@code contacts.group.empty}, {@code contacts.error.tooLong}
     */
    public static String groupName(String name) {
        String n = text("groupName", name, GROUP_NAME_MAX);
        if (n == null) {
            throw new InvalidInputException("groupName", "contacts.group.empty", null);
        }
        return n;
    }

    private static boolean contains(List<ContactValue> values, String value) {
        return values.stream().anyMatch(v -> v.value().equals(value));
    }

    private static String type(String type, Set<String> allowed) {
        String t = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        return allowed.contains(t) ? t : "other";
    }

    /** The text trimmed, without control characters (line breaks kept in the long fields), null when blank. */
    private static String text(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        String keepLines = max >= POSTAL_MAX ? "[\\p{Cntrl}&&[^\\n]]" : "\\p{Cntrl}";
        String s = value.replace("\r\n", "\n").replaceAll(keepLines, " ").strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() > max) {
            throw new InvalidInputException(field, "contacts.error.tooLong", String.valueOf(max));
        }
        return s;
    }

    /** The group names a card gives that make valid group names (the others are left out), without repeats. */
    public static List<String> groupNames(List<String> names) {
        List<String> kept = new ArrayList<>();
        for (String n : names) {
            try {
                String name = groupName(n);
                if (kept.stream().noneMatch(k -> k.equalsIgnoreCase(name))) {
                    kept.add(name);
                }
            } catch (InvalidInputException tooLong) {
                // a category longer than a group name: the contact is kept without it
            }
        }
        return kept;
    }
}
