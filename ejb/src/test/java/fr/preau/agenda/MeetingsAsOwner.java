package fr.preau.agenda;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Meetings as {@value AsOwner#USERNAME}. */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsOwner.USERNAME)
@PermitAll
public class MeetingsAsOwner extends MeetingsCaller {
}
