package fr.preau.delegation;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** The delegation services as {@value #USERNAME}, the owner of the mailbox. */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsDelegationOwner.USERNAME)
@PermitAll
public class AsDelegationOwner extends DelegationCaller {
    public static final String USERNAME = "it.deleg.titulaire";
}
