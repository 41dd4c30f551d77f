package fr.preau.mail;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Calls {@link ReadingService} as the signed-in test user {@value #USERNAME}, as the portal's servlets would. */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsReader.USERNAME)
@PermitAll
public class AsReader {
    static final String USERNAME = "it.lecteur";

    @EJB
    private ReadingService reading;

    @EJB
    private MessageActionService actions;

    @EJB
    private MailboxSettings settings;

    @EJB
    private MailboxAccess access;

    /** Starts without trusted senders (a previous run may have left some). */
    public void forgetTrustedSenders() {
        settings.put(access.own(), ReadingService.TRUSTED_SENDERS, null);
    }

    public MessagePage messages(FolderPath folder) {
        return MessagePage.of(actions, folder, 0, 50);
    }

    public MessageContent open(FolderPath folder, MessageUid uid) {
        return reading.open(folder, uid);
    }

    public MessageBody body(FolderPath folder, MessageUid uid, boolean images) {
        return reading.body(folder, uid, images, "/mail/piece-jointe?partie=");
    }

    public List<String> headers(FolderPath folder, MessageUid uid) {
        return reading.headers(folder, uid);
    }

    public byte[] download(FolderPath folder, MessageUid uid, String part) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        reading.download(folder, uid, part, attachment -> out);
        return out.toByteArray();
    }

    public void trustSender(MailAddress sender) {
        reading.trustSender(sender);
    }
}
