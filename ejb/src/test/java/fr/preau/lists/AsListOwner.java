package fr.preau.lists;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** The lists as the signed-in user {@value #USERNAME}, who owns project lists. */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsListOwner.USERNAME)
@PermitAll
public class AsListOwner extends ListsCaller {
    static final String USERNAME = "it.liste.proprio";
}
