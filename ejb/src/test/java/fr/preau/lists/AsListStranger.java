package fr.preau.lists;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** The lists as another signed-in user, {@value #USERNAME}, who owns none of the owner's lists. */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsListStranger.USERNAME)
@PermitAll
public class AsListStranger extends ListsCaller {
    static final String USERNAME = "it.liste.autre";
}
