package fr.preau.mail;

/** The role of a folder (RFC 6154 SPECIAL-USE), shown with a French name and an icon. */
public enum SpecialUse {
    INBOX(null, 0),
    DRAFTS("\\Drafts", 1),
    SENT("\\Sent", 2),
    ARCHIVE("\\Archive", 3),
    JUNK("\\Junk", 4),
    TRASH("\\Trash", 5),
    NONE(null, 6);

    private final String attribute;
    private final int order;

    SpecialUse(String attribute, int order) {
        this.attribute = attribute;
        this.order = order;
    }

    /** The IMAP LIST attribute, e.g. {@code \Sent}. */
    public String attribute() {
        return attribute;
    }

    /** Position in the folder list: special folders first, in the order users expect. */
    public int order() {
        return order;
    }

    /**
     * The special use of a top-level folder by the name dovecot.conf gives it in every personal namespace
     * (Brouillons, Envoyés, Archives, Indésirables, Corbeille), or NONE: for the owner's folders a delegate sees in
     * the shared namespace, where Dovecot announces no special use (docs/adr/0104).
     */
    public static SpecialUse byOwnName(String name) {
        return switch (name) {
            case "INBOX" -> INBOX;
            case "Brouillons" -> DRAFTS;
            case "Envoyés" -> SENT;
            case "Archives" -> ARCHIVE;
            case "Indésirables" -> JUNK;
            case "Corbeille" -> TRASH;
            default -> NONE;
        };
    }

    /** The special use that one of these LIST attributes announces, or NONE. */
    public static SpecialUse fromAttributes(String name, String[] attributes) {
        if ("INBOX".equalsIgnoreCase(name)) {
            return INBOX;
        }
        if (attributes != null) {
            for (String a : attributes) {
                for (SpecialUse use : values()) {
                    if (use.attribute != null && use.attribute.equalsIgnoreCase(a)) {
                        return use;
                    }
                }
            }
        }
        return NONE;
    }
}
