package fr.preau.mail;

import java.util.concurrent.Callable;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/**
 * Runs code as the signed-in test user {@value #USERNAME}: the EJBs it calls see that caller, as from the portal.
 */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsActionsUser.USERNAME)
@PermitAll
public class AsActionsUser {
    static final String USERNAME = "it.actions";

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
