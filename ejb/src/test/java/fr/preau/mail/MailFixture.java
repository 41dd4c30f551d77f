package fr.preau.mail;

import fr.preau.testing.ImapProbe;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Prepares test mailboxes inside the server: account rows through JPA, mail through a plain IMAP client. */
@Stateless
@PermitAll
public class MailFixture {
    @PersistenceContext
    private EntityManager em;

    public void ensureAccount(String username, String address, String displayName) {
        em.createNativeQuery("insert into account (username, address, display_name, quota_class, enabled)"
                + " values (?1, ?2, ?3, 'standard', true) on conflict (username) do nothing")
                .setParameter(1, username).setParameter(2, address).setParameter(3, displayName)
                .executeUpdate();
    }

    /** A mailbox as the tests want it: the folders exist, and INBOX and Envoyés are empty. */
    public void resetMailbox(String address) throws Exception {
        try (ImapProbe imap = ImapProbe.asMaster(address)) {
            imap.empty("INBOX");
            imap.empty("Envoyés");
        }
    }
}
