package fr.preau.shared;

import jakarta.ejb.ApplicationException;

/**
 * A server that Préau depends on did not answer. The caller shows a message naming the component and lets the user
 * try again; nothing was changed.
 */
@ApplicationException(rollback = true)
public class ServiceUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Component component;

    public ServiceUnavailableException(Component component, Throwable cause) {
        super(component + " unavailable: " + (cause == null ? "" : cause.getMessage()), cause);
        this.component = component;
    }

    public Component component() {
        return component;
    }
}
