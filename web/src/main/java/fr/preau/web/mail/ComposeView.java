package fr.preau.web.mail;

import java.io.Serializable;
import java.util.List;

import fr.preau.mail.MailAddress;
import fr.preau.mail.MailService;
import fr.preau.mail.OutgoingMessage;
import fr.preau.shared.InvalidInputException;
import fr.preau.web.shared.Feedback;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/** The compose page: recipients, subject, text; sends as the signed-in user. */
@Named
@ViewScoped
public class ComposeView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "compose";

    @EJB
    private MailService mail;

    private String to;
    private String cc;
    private String subject;
    private String body;

    /** Sends, then returns to the inbox with a confirmation; on any failure stays here with everything typed. */
    public String send() {
        List<MailAddress> toList;
        List<MailAddress> ccList;
        try {
            toList = MailAddress.parseList("to", to, true);
            ccList = MailAddress.parseList("cc", cc, false);
        } catch (InvalidInputException e) {
            Feedback.failed(e, FORM);
            return null;
        }
        try {
            mail.send(new OutgoingMessage(toList, ccList, subject, body));
        } catch (RuntimeException e) {
            Feedback.failed(e, FORM);
            return null;
        }
        Feedback.info("mail.sent");
        Feedback.keepForRedirect();
        return "/mail/inbox?faces-redirect=true";
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getCc() {
        return cc;
    }

    public void setCc(String cc) {
        this.cc = cc;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }
}
