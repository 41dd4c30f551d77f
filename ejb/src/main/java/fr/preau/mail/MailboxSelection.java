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

    private String owner;

    String owner() {
        return owner;
    }

    void owner(String address) {
        owner = address;
    }
}
