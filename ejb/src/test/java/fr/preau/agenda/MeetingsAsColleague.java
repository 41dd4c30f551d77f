package fr.preau.agenda;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Meetings as {@value AsColleague#USERNAME}. */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsColleague.USERNAME)
@PermitAll
public class MeetingsAsColleague extends MeetingsCaller {
}
