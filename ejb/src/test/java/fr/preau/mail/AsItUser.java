package fr.preau.mail;

import java.util.List;

import fr.preau.mail.compose.ComposeService;
import fr.preau.mail.compose.NotSentException;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Calls the mail services the pages use, as the signed-in test user {@value #USERNAME}, as the portal would. */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsItUser.USERNAME)
@PermitAll
public class AsItUser {
    static final String USERNAME = "it.courrier";

    @EJB
    private FolderService folders;

    @EJB
    private MessageActionService actions;

    @EJB
    private ReadingService reading;

    @EJB
    private ComposeService compose;

    public MailAddress currentMailbox() {
        return folders.mailboxAddress();
    }

    public List<FolderInfo> folders() {
        return folders.folders();
    }

    public MessagePage messages(FolderPath folder, int offset, int limit) {
        return MessagePage.of(actions, folder, offset, limit);
    }

    public MessageContent open(FolderPath folder, MessageUid uid) {
        return reading.open(folder, uid);
    }

    /** Sends as the compose page does; a refusal is given as its reason (the page keeps the draft). */
    public void send(OutgoingMessage message) {
        try {
            compose.send(message, null, null);
        } catch (NotSentException e) {
            throw e.reason();
        }
    }
}
