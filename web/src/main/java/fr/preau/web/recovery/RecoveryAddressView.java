package fr.preau.web.recovery;

import java.io.Serializable;

import fr.preau.identity.RecoveryAddress;
import fr.preau.identity.RecoveryAddressService;
import fr.preau.web.shared.Feedback;
import fr.preau.web.shared.PortalAddress;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/** "Mon compte › Sécurité › Adresse de secours": the personal address that receives reset links. */
@Named
@ViewScoped
public class RecoveryAddressView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private RecoveryAddressService recovery;

    private RecoveryAddress current;
    private String address;

    @PostConstruct
    void init() {
        load();
    }

    private void load() {
        try {
            current = recovery.current().orElse(null);
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    public void register() {
        try {
            recovery.register(address, PortalAddress.base());
            Feedback.info("recovery.address.sent", address.trim());
            address = null;
        } catch (RuntimeException e) {
            Feedback.failed(e, "recovery");
        }
        load();
    }

    public void remove() {
        try {
            recovery.remove();
            Feedback.info("recovery.address.removed");
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
        load();
    }

    public RecoveryAddress getCurrent() {
        return current;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }
}
