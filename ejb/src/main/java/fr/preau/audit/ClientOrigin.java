package fr.preau.audit;

import java.io.Serializable;

import jakarta.enterprise.context.RequestScoped;

/**
 * The address of the browser behind the current request, set by the web layer's filter, so that audit entries
 * carry it even when the code that fires the event (an EJB) cannot see the request.
 */
@RequestScoped
public class ClientOrigin implements Serializable {
    private static final long serialVersionUID = 1L;

    private String ip;

    public String getIp() {
        return ip;
    }

    public void setIp(String ip) {
        this.ip = ip;
    }
}
