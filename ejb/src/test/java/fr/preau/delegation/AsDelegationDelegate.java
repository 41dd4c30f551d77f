package fr.preau.delegation;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** The delegation services as {@value #USERNAME}, the colleague who receives the delegation. */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsDelegationDelegate.USERNAME)
@PermitAll
public class AsDelegationDelegate extends DelegationCaller {
    public static final String USERNAME = "it.deleg.suppleant";
}
