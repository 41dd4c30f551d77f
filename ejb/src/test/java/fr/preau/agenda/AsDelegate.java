package fr.preau.agenda;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** The agenda as {@value #USERNAME}, a colleague with a delegation of the owner's agenda. */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsDelegate.USERNAME)
@PermitAll
public class AsDelegate extends AgendaCaller {
    public static final String USERNAME = "it.agenda.suppleant";
}
