package fr.preau.contacts;

import java.io.Serializable;
import java.util.List;

/**
 * The fields of a contact as a user typed them or a file gave them, before {@link ContactRules#check} accepts them.
 * {@code uid} is the card's UID when a file gave one (kept, so that CardDAV clients recognise their cards), else
 * null.
 */
public record ContactDraft(String firstName, String lastName, List<ContactValue> emails, List<ContactValue> phones,
        String organisation, String title, String postalAddress, String note, String uid) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ContactDraft {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
    }

    /** "Prénom Nom", or the first address when the contact has no name. */
    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        if (!name.isEmpty()) {
            return name;
        }
        return emails.isEmpty() ? "" : emails.get(0).value();
    }
}
