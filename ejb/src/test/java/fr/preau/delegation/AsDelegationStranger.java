package fr.preau.delegation;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** The delegation services as {@value #USERNAME}, a third person, party to nothing. */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsDelegationStranger.USERNAME)
@PermitAll
public class AsDelegationStranger extends DelegationCaller {
    public static final String USERNAME = "it.deleg.tiers";
}
