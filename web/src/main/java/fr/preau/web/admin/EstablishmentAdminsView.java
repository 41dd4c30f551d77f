package fr.preau.web.admin;

import java.io.Serializable;
import java.util.List;

import fr.preau.identity.AccountAdministration;
import fr.preau.identity.Choice;
import fr.preau.identity.EstablishmentAdministrator;
import fr.preau.identity.EstablishmentAdministrators;
import fr.preau.web.shared.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/**
 * "Administrateurs d'établissement" (academy administrators): who is {@code etab-admin} of which establishment;
 * name one (identifier and establishment), or withdraw one after a confirmation.
 */
@Named
@ViewScoped
public class EstablishmentAdminsView implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String FORM = "etab-admins";

    @EJB
    private EstablishmentAdministrators service;

    @EJB
    private AccountAdministration accounts;

    private List<EstablishmentAdministrator> administrators;
    private List<Choice> establishments;
    private String username;
    private String establishment;

    @PostConstruct
    void init() {
        administrators = service.list();
        establishments = accounts.establishments();
    }

    public void appoint() {
        try {
            service.appoint(username, establishment);
            String name = establishments.stream().filter(c -> c.code().equals(establishment)).map(Choice::label)
                    .findFirst().orElse(establishment);
            Feedback.info("admin.etab.appointed", username.trim(), name);
            username = null;
        } catch (RuntimeException e) {
            Feedback.failed(e, FORM);
        }
        administrators = service.list();
    }

    public void withdraw(EstablishmentAdministrator row) {
        try {
            service.withdraw(row.username(), row.establishmentUai());
            Feedback.info("admin.etab.withdrawn", row.username(), row.establishmentName());
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
        administrators = service.list();
    }

    public List<EstablishmentAdministrator> getAdministrators() {
        return administrators;
    }

    public List<Choice> getEstablishments() {
        return establishments;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEstablishment() {
        return establishment;
    }

    public void setEstablishment(String establishment) {
        this.establishment = establishment;
    }
}
