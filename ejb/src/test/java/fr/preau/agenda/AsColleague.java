package fr.preau.agenda;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** The agenda as {@value #USERNAME}, a colleague with no grant and no delegation. */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsColleague.USERNAME)
@PermitAll
public class AsColleague extends AgendaCaller {
    public static final String USERNAME = "it.agenda.collegue";
}
