package fr.preau.delegation;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** The delegation services as {@value #USERNAME}, an academy administrator. */
@Stateless
@RunAs("admin")
@RunAsPrincipal(AsDelegationAdmin.USERNAME)
@PermitAll
public class AsDelegationAdmin extends DelegationCaller {
    public static final String USERNAME = "it.deleg.admin";
}
