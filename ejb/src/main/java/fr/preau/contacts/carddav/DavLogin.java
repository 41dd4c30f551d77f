package fr.preau.contacts.carddav;

import java.io.Serializable;

/**
 * The credentials of one DAV request (HTTP Basic): the login as typed (the address), the password (the account's, or
 * an app password), and the client's address (for Dovecot's log and failure budget).
 */
public record DavLogin(String login, String password, String clientAddress) implements Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
        return "DavLogin[" + login + " from " + clientAddress + "]";
    }
}
