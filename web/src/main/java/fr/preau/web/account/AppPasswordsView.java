package fr.preau.web.account;

import java.io.Serializable;
import java.util.List;

import fr.preau.identity.AppPassword;
import fr.preau.identity.AppPasswordService;
import fr.preau.identity.NewAppPassword;
import fr.preau.web.shared.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/** "Mots de passe d'application": create one per device (shown once), list, revoke. */
@Named
@ViewScoped
public class AppPasswordsView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private AppPasswordService service;

    private String name;
    private NewAppPassword created;
    private List<AppPassword> passwords = List.of();

    @PostConstruct
    void init() {
        reload();
    }

    public void create() {
        created = null;
        try {
            created = service.create(name);
            name = null;
            Feedback.info("apppassword.created", created.name());
        } catch (RuntimeException e) {
            Feedback.failed(e, "apppasswords");
        }
        reload();
    }

    public void revoke(AppPassword password) {
        created = null;
        try {
            service.revoke(password.getId());
            Feedback.info("apppassword.revoked", password.getName());
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
        reload();
    }

    private void reload() {
        try {
            passwords = service.list();
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
            passwords = List.of();
        }
    }

    public List<AppPassword> getPasswords() {
        return passwords;
    }

    /** The password just created, shown once; {@code null} afterwards. */
    public NewAppPassword getCreated() {
        return created;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
