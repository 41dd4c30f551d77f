package fr.preau.identity;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** The accounts page of the academy administrator {@value #USERNAME}. */
@Stateless
@RunAs("admin")
@RunAsPrincipal(AsAccountAdmin.USERNAME)
@PermitAll
public class AsAccountAdmin extends AccountPageCaller {
    static final String USERNAME = "it.admin.comptes";
}
