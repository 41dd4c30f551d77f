package fr.preau.contacts;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** The address book as another signed-in test user, {@value #USERNAME}, who must not reach the first one's. */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsContactsStranger.USERNAME)
@PermitAll
public class AsContactsStranger extends ContactsCaller {
    static final String USERNAME = "it.carnet.autre";
}
