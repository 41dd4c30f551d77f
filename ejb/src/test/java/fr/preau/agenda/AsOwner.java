package fr.preau.agenda;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** The agenda as {@value #USERNAME}, the owner of the calendars. */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsOwner.USERNAME)
@PermitAll
public class AsOwner extends AgendaCaller {
    public static final String USERNAME = "it.agenda.titulaire";
}
