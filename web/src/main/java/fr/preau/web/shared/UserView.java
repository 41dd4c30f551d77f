package fr.preau.web.shared;

import java.io.Serializable;

import fr.preau.mail.MailAddress;
import fr.preau.mail.FolderService;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.annotation.PostConstruct;
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
    private FolderService folders;

    private MailAddress mailbox;

    /** Reads the mailbox again if the first attempt failed (a server was down); called at each page view. */
    public void loadIfMissing() {
        if (mailbox == null) {
            load();
        }
    }

    @PostConstruct
    void load() {
        try {
            mailbox = folders.mailboxAddress();
        } catch (ServiceUnavailableException | NotFoundException e) {
            // The header then shows the identifier; the page itself says what is unavailable.
            mailbox = null;
        }
    }

    /** "Marie Dupont", or the identifier while the database cannot say. */
    public String getDisplayName() {
        return mailbox != null ? mailbox.label()
                : FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    public String getAddress() {
        return mailbox == null ? "" : mailbox.address();
    }
}
