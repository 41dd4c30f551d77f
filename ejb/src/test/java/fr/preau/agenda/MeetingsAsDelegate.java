package fr.preau.agenda;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Meetings as {@value AsDelegate#USERNAME}. */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsDelegate.USERNAME)
@PermitAll
public class MeetingsAsDelegate extends MeetingsCaller {
}
