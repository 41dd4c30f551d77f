package fr.preau.mail;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Calls the compose services as a second signed-in test user {@value #USERNAME}, as the portal would. */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsReader.USERNAME)
@PermitAll
public class AsReader extends ComposeCaller {
    static final String USERNAME = "it.lectrice";
}
