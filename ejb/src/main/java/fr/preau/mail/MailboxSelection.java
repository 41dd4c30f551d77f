package fr.preau.mail;

import java.io.Serializable;

import jakarta.enterprise.context.SessionScoped;

/**
 * The mailbox the signed-in user chose in the mail view (docs/adr/0104): null for their own, else the address of an
 * owner who delegated theirs. Only {@link MailboxAccess} reads and changes it, and it checks the delegation again at
 * every use: holding an address here opens nothing by itself.
 */
@SessionScoped
public class MailboxSelection implements Serializable {
    private static final long serialVersionUID = 1L;

    private String actor;
    private String owner;

    /** The owner chosen by {@code who} (the signed-in user's address), or null. */
    String owner(String who) {
        return owner != null && who.equalsIgnoreCase(actor) ? owner : null;
    }

    /** {@code who} works in the mailbox of {@code address} from now on; null: in their own. */
    void choose(String who, String address) {
        actor = who;
        owner = address;
    }
}
