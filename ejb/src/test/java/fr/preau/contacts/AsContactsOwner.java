package fr.preau.contacts;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** The address book as the signed-in test user {@value #USERNAME}. */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsContactsOwner.USERNAME)
@PermitAll
public class AsContactsOwner extends ContactsCaller {
    static final String USERNAME = "it.carnet";
}
