package fr.preau.delegation;

import java.io.Serializable;

/**
 * The rights a delegation gives: on the mailbox, sending on the owner's behalf, on the agenda.
 *
 * @param mail none, read, or read and file
 * @param sendOnBehalf "envoi de la part de"
 * @param agenda none, read or edit (issue 14)
 */
public record DelegationRights(MailAccess mail, boolean sendOnBehalf, AgendaAccess agenda) implements Serializable {

    public DelegationRights {
        mail = mail == null ? MailAccess.NONE : mail;
        agenda = agenda == null ? AgendaAccess.NONE : agenda;
    }

    /** Whether it gives anything at all. */
    public boolean any() {
        return mail != MailAccess.NONE || sendOnBehalf || agenda != AgendaAccess.NONE;
    }

    /** May read the owner's mail. */
    public boolean mayRead() {
        return mail != MailAccess.NONE;
    }

    /** May flag, move and delete the owner's mail. */
    public boolean mayFile() {
        return mail == MailAccess.FILE;
    }

    /** A short text for the audit log: {@code mail=file send=yes agenda=none}. */
    public String describe() {
        return "mail=" + mail.code() + " send=" + (sendOnBehalf ? "yes" : "no") + " agenda=" + agenda.code();
    }
}
