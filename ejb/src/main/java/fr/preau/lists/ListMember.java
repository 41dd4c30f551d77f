package fr.preau.lists;

/**
 * A member of a list: an account, another list or an address outside the academy.
 *
 * @param id the member's row, to remove it
 * @param kind what the member is
 * @param address the account's, the list's or the external address
 * @param name the account's display name or the list's name; the address for an external member
 * @param computed written by the directory import (a disciplinary list), not by a person
 */
public record ListMember(long id, Kind kind, String address, String name, boolean computed) {
    /** What a member is. */
    public enum Kind {
        ACCOUNT, LIST, EXTERNAL
    }
}
