package fr.preau.contacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardReader;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Email;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Categories;
import ezvcard.property.FormattedName;
import ezvcard.property.Note;
import ezvcard.property.Organization;
import ezvcard.property.ProductId;
import ezvcard.property.Revision;
import ezvcard.property.Title;
import ezvcard.property.Uid;
import ezvcard.property.VCardProperty;
import fr.preau.shared.InvalidInputException;

/**
 * Contacts to and from vCard (pure logic, ez-vcard). Reading is lenient as real files need: a line that cannot be
 * read is skipped and the rest of its card kept; a card is read into a {@link ContactDraft} (N or else FN for the
 * name, EMAIL, TEL, ORG, TITLE, ADR, NOTE, UID) that {@link ContactRules} then accepts or refuses, and its CATEGORIES
 * (group names). Writing gives vCard 4.0 or 3.0, one card per contact, the groups as CATEGORIES.
 */
public final class ContactCards {
    /** The properties {@link ContactDraft} holds, which a write replaces. */
    private static final Set<Class<?>> MODELLED = Set.of(Uid.class, FormattedName.class, StructuredName.class,
            Email.class, Telephone.class, Organization.class, Title.class, Address.class, Note.class,
            Categories.class, ProductId.class, Revision.class);

    private ContactCards() {
    }

    /** The cards of a vCard file, numbered from 1. */
    static List<ContactFile.Entry> read(String text) {
        List<ContactFile.Entry> entries = new ArrayList<>();
        try (VCardReader reader = new VCardReader(text)) {
            VCard card;
            int n = 0;
            while ((card = reader.readNext()) != null) {
                n++;
                List<String> groups = card.getCategories() == null ? List.of()
                        : card.getCategories().getValues().stream().filter(g -> g != null && !g.isBlank())
                                .map(String::strip).distinct().limit(ContactRules.VALUES_MAX).toList();
                entries.add(new ContactFile.Entry(n, draft(card), null, null, groups));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** The contact fields of one card. */
    static ContactDraft draft(VCard card) {
        String first = null;
        String last = null;
        StructuredName n = card.getStructuredName();
        if (n != null) {
            first = blankToNull(n.getGiven());
            last = blankToNull(n.getFamily());
        }
        if (first == null && last == null && card.getFormattedName() != null) {
            String fn = blankToNull(card.getFormattedName().getValue());
            if (fn != null) {
                int space = fn.lastIndexOf(' ');
                first = space < 0 ? null : fn.substring(0, space).strip();
                last = space < 0 ? fn : fn.substring(space + 1);
            }
        }
        List<ContactValue> emails = card.getEmails().stream()
                .map(e -> new ContactValue(e.getValue(), emailType(e))).toList();
        List<ContactValue> phones = card.getTelephoneNumbers().stream()
                .map(t -> new ContactValue(phoneText(t), phoneType(t))).filter(v -> v.value() != null).toList();
        String organisation = card.getOrganization() == null ? null
                : blankToNull(String.join(", ", card.getOrganization().getValues()));
        String title = card.getTitles().isEmpty() ? null : card.getTitles().get(0).getValue();
        String postal = card.getAddresses().isEmpty() ? null : postal(card.getAddresses().get(0));
        String note = card.getNotes().isEmpty() ? null : card.getNotes().get(0).getValue();
        String uid = card.getUid() == null ? null : card.getUid().getValue();
        return new ContactDraft(first, last, emails, phones, organisation, title, postal, note, uid);
    }

    /** A card a CardDAV client sent: its fields and its CATEGORIES (group names, valid ones only). */
    public record Sent(ContactDraft draft, List<String> groups) {
    }

    /**
     * Reads the one card of a CardDAV PUT.
     *
     * @throws InvalidInputException (field {@code vcard}, {@code contacts.dav.notOneCard}) the text is not exactly one
     *     vCard; the fields are checked by the caller ({@link ContactRules#check})
     */
    public static Sent sent(String text) {
        List<ContactFile.Entry> cards = text == null || !text.stripLeading().toUpperCase(java.util.Locale.ROOT)
                .startsWith("BEGIN:VCARD") ? List.of() : read(text);
        if (cards.size() != 1) {
            throw new InvalidInputException("vcard", "contacts.dav.notOneCard", String.valueOf(cards.size()));
        }
        return new Sent(cards.get(0).draft(), ContactRules.groupNames(cards.get(0).groups()));
    }

    /**
     * One contact as a vCard 4.0 card, keeping from {@code previous} (the card stored before, null for none) every
     * property the portal does not model: what a phone put there (a photo, a birthday, its own X- properties)
     * survives an edit in the portal (docs/adr/0102).
     */
    public static String write(String previous, String uid, ContactDraft d, List<String> groups) {
        VCard card = card(uid, d, groups);
        VCard before = previous == null ? null : Ezvcard.parse(previous).first();
        if (before != null) {
            for (VCardProperty p : before.getProperties()) {
                if (!MODELLED.contains(p.getClass())) {
                    card.addProperty(p);
                }
            }
        }
        return Ezvcard.write(card).version(VCardVersion.V4_0).prodId(false).go();
    }

    /** The contacts as one vCard file of the version asked (4.0 or 3.0), UTF-8 text. */
    public static String write(List<Contact> contacts, VCardVersion version) {
        List<VCard> cards = contacts.stream().map(ContactCards::card).toList();
        return Ezvcard.write(cards).version(version).prodId(false).go();
    }

    /** One contact as a vCard 4.0 card (what the book stores for CardDAV). */
    public static String write(String uid, ContactDraft d, List<String> groups) {
        return Ezvcard.write(card(uid, d, groups)).version(VCardVersion.V4_0).prodId(false).go();
    }

    private static VCard card(Contact c) {
        return card(c.uid(), c.fields(), c.groups().stream().map(ContactGroup::name).toList());
    }

    private static VCard card(String uid, ContactDraft d, List<String> groups) {
        VCard card = new VCard();
        card.setUid(new Uid(uid));
        card.setFormattedName(d.displayName());
        StructuredName n = new StructuredName();
        n.setFamily(d.lastName());
        n.setGiven(d.firstName());
        card.setStructuredName(n);
        for (ContactValue e : d.emails()) {
            Email email = card.addEmail(e.value());
            email.getTypes().add(switch (e.type()) {
                case "work" -> EmailType.WORK;
                case "home" -> EmailType.HOME;
                default -> EmailType.INTERNET;
            });
        }
        for (ContactValue p : d.phones()) {
            Telephone tel = card.addTelephoneNumber(p.value());
            tel.getTypes().add(switch (p.type()) {
                case "work" -> TelephoneType.WORK;
                case "home" -> TelephoneType.HOME;
                case "mobile" -> TelephoneType.CELL;
                default -> TelephoneType.VOICE;
            });
        }
        if (d.organisation() != null) {
            card.setOrganization(d.organisation());
        }
        if (d.title() != null) {
            card.addTitle(d.title());
        }
        if (d.postalAddress() != null) {
            Address adr = new Address();
            adr.setStreetAddress(d.postalAddress());
            card.addAddress(adr);
        }
        if (d.note() != null) {
            card.addNote(d.note());
        }
        if (!groups.isEmpty()) {
            card.setCategories(groups.toArray(String[]::new));
        }
        return card;
    }

    private static String emailType(Email e) {
        if (e.getTypes().contains(EmailType.WORK)) {
            return "work";
        }
        return e.getTypes().contains(EmailType.HOME) ? "home" : "other";
    }

    private static String phoneType(Telephone t) {
        if (t.getTypes().contains(TelephoneType.CELL)) {
            return "mobile";
        }
        if (t.getTypes().contains(TelephoneType.WORK)) {
            return "work";
        }
        return t.getTypes().contains(TelephoneType.HOME) ? "home" : "other";
    }

    private static String phoneText(Telephone t) {
        if (t.getText() != null) {
            return t.getText();
        }
        return t.getUri() == null ? null : t.getUri().getNumber();
    }

    private static String postal(Address a) {
        String town = Stream.of(a.getPostalCode(), a.getLocality()).map(ContactCards::blankToNull)
                .filter(s -> s != null).collect(Collectors.joining(" "));
        String text = Stream.of(a.getPoBox(), a.getExtendedAddress(), a.getStreetAddress(), town, a.getRegion(),
                a.getCountry()).map(ContactCards::blankToNull).filter(s -> s != null)
                .collect(Collectors.joining("\n"));
        if (text.isEmpty() && a.getLabel() != null) {
            text = a.getLabel().strip();
        }
        return text.isEmpty() ? null : text;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
