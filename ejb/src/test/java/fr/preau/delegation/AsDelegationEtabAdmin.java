package fr.preau.delegation;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** The delegation services as {@value #USERNAME}, an establishment administrator (of the one it is placed in). */
@Stateless
@RunAs("etab-admin")
@RunAsPrincipal(AsDelegationEtabAdmin.USERNAME)
@PermitAll
public class AsDelegationEtabAdmin extends DelegationCaller {
    public static final String USERNAME = "it.deleg.etab";
}
