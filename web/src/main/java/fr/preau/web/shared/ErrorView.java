package fr.preau.web.shared;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;

/**
 * The error page's reference: a short code shown to the user and written to the log beside the failure, so that
 * support finds the stack trace without the user ever seeing it.
 */
@Named
@RequestScoped
public class ErrorView {
    private static final Logger LOG = Logger.getLogger(ErrorView.class.getName());

    private String reference;

    @PostConstruct
    void logFailure() {
        reference = UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        Object failure = FacesContext.getCurrentInstance().getExternalContext().getRequestMap()
                .get(RequestDispatcher.ERROR_EXCEPTION);
        Object uri = FacesContext.getCurrentInstance().getExternalContext().getRequestMap()
                .get(RequestDispatcher.ERROR_REQUEST_URI);
        LOG.log(Level.SEVERE, "Error page shown, reference " + reference + " for " + uri,
                failure instanceof Throwable t ? t : null);
    }

    public String getReference() {
        return reference;
    }
}
