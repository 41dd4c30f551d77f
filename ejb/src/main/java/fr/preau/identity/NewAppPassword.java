package fr.preau.identity;

/**
 * An app password just created: the only moment its clear text exists outside the user's mail client.
 *
 * @param id its identifier
 * @param name the device name the user gave
 * @param password the password to type into the mail client (shown once, never stored)
 */
public record NewAppPassword(long id, String name, String password) {
}
