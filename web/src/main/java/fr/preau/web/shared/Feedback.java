package fr.preau.web.shared;

import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ReauthenticationRequiredException;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/**
 * Turns service failures into messages the user reads, in their language, next to the field at fault or at the top
 * of the page. Never shows a stack trace.
 */
public final class Feedback {
    private Feedback() {
    }

    /** The text of a bundle key in the user's language, with arguments. */
    public static String text(String key, Object... args) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        if (args.length == 0) {
            return pattern;
        }
        // French text is full of apostrophes, which MessageFormat would take for quotes.
        return new MessageFormat(pattern.replace("'", "''"), faces.getViewRoot().getLocale()).format(args);
    }

    public static void info(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_INFO, text(key, args));
    }

    public static void error(String clientId, String key, Object... args) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text(key, args));
    }

    /** A message for a failure a service reported (next to the field of {@code formId} when one is at fault). */
    public static void failed(RuntimeException e, String formId) {
        if (e instanceof ServiceUnavailableException u) {
            error(null, "error.unavailable." + u.component().name());
        } else if (e instanceof InvalidInputException i) {
            String clientId = formId == null || i.field() == null ? null : formId + ":" + i.field();
            error(clientId, i.messageKey(), i.argument() == null ? "" : i.argument());
        } else if (e instanceof ReauthenticationRequiredException) {
            reauthenticate();
        } else if (e instanceof NotFoundException n) {
            error(null, n.messageKey().startsWith("account.") ? "error." + n.messageKey() : n.messageKey());
        } else {
            throw e;
        }
    }

    /**
     * Sends the browser to Keycloak to sign in again (the action needs a recent sign-in), then back to this page,
     * where the user repeats the action.
     */
    private static void reauthenticate() {
        FacesContext faces = FacesContext.getCurrentInstance();
        var external = faces.getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + "/compte/identite?retour="
                    + java.net.URLEncoder.encode(faces.getViewRoot().getViewId(),
                            java.nio.charset.StandardCharsets.UTF_8));
            faces.responseComplete();
        } catch (java.io.IOException e) {
            error(null, "identity.reauth.required");
        }
    }

    /** Keeps messages across a redirect (Post/Redirect/Get). */
    public static void keepForRedirect() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    /** Adds a message once: two calls failing for the same reason say it once. */
    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        boolean known = faces.getMessageList(clientId).stream().anyMatch(m -> text.equals(m.getSummary()));
        if (!known) {
            faces.addMessage(clientId, new FacesMessage(severity, text, text));
        }
    }
}
