package fr.preau.mail;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Calls {@link MailService} as the signed-in test user {@value #USERNAME}, as the portal would. */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsItUser.USERNAME)
@PermitAll
public class AsItUser {
    static final String USERNAME = "it.courrier";

    @EJB
    private MailService mail;

    public MailAddress currentMailbox() {
        return mail.currentMailbox();
    }

    public List<FolderInfo> folders() {
        return mail.folders();
    }

    public MessagePage messages(FolderPath folder, int offset, int limit) {
        return mail.messages(folder, offset, limit);
    }

    public MessageContent open(FolderPath folder, MessageUid uid) {
        return mail.open(folder, uid);
    }

    public void send(OutgoingMessage message) {
        mail.send(message);
    }
}
