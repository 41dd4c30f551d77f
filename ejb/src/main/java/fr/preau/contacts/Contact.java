package fr.preau.contacts;

import java.io.Serializable;
import java.util.List;

/**
 * A contact of the caller's book: its fields, its stable {@code uid}, its {@code revision} (the ETag CardDAV will
 * serve) and the groups it is in.
 */
public record Contact(long id, String uid, long revision, ContactDraft fields, List<ContactGroup> groups)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public Contact {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public String displayName() {
        return fields.displayName();
    }

    /** The first e-mail address, or null. */
    public String email() {
        return fields.emails().isEmpty() ? null : fields.emails().get(0).value();
    }
}
