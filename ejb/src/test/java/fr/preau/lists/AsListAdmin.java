package fr.preau.lists;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** The lists as the academy administrator {@value #USERNAME}. */
@Stateless
@RunAs("admin")
@RunAsPrincipal(AsListAdmin.USERNAME)
@PermitAll
public class AsListAdmin extends ListsCaller {
    static final String USERNAME = "it.liste.admin";
}
