package fr.preau.mail;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** A signed-in identity that has no account row: must reach no mailbox. */
@Stateless
@RunAs("user")
@RunAsPrincipal("personne.inconnue")
@PermitAll
public class AsUnknownUser {
    @EJB
    private FolderService folders;

    public java.util.List<FolderInfo> folders() {
        return folders.folders();
    }
}
