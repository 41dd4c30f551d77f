package fr.preau.web.shared;

import java.io.Serializable;

import fr.preau.mail.MailAddress;
import fr.preau.mail.MailService;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** The signed-in user as the page header shows them. */
@Named
@SessionScoped
public class UserView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private MailService mail;

    private MailAddress mailbox;

    /** "Marie Dupont", or the identifier while the database cannot say. */
    public String getDisplayName() {
        if (mailbox == null) {
            try {
                mailbox = mail.currentMailbox();
            } catch (ServiceUnavailableException | NotFoundException e) {
                return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
            }
        }
        return mailbox.label();
    }

    public String getAddress() {
        getDisplayName();
        return mailbox == null ? "" : mailbox.address();
    }
}
