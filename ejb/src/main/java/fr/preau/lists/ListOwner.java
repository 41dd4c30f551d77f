package fr.preau.lists;

/** An owner of a list: an account, by its id, address and display name. */
public record ListOwner(long accountId, String address, String name) {
}
