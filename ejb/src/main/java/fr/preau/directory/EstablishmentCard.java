package fr.preau.directory;

import java.io.Serializable;
import java.util.List;

/**
 * An establishment as the directory shows it: what the HR feed says of it, its functional mailboxes (the accounts of
 * quota class {@code fonctionnelle} attached to it: secrétariat, vie scolaire, intendance …) and its staff, as
 * colleagues see them (no personal phone unless shown).
 */
public record EstablishmentCard(String uai, String name, String kind, String town, String circonscription,
        List<Mailbox> mailboxes, List<DirectoryEntry> staff) implements Serializable {

    /** A functional mailbox: its address and the name shown. */
    public record Mailbox(String address, String name) implements Serializable {
    }
}
