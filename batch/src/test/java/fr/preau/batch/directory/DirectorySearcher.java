package fr.preau.batch.directory;

import java.util.List;

import fr.preau.directory.Directory;
import fr.preau.directory.DirectoryEntry;
import fr.preau.mail.Correspondents;
import fr.preau.mail.Suggestion;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Searches the directory and asks for compose's suggestions as signed-in user {@value #USERNAME}, for the bench. */
@Stateless
@PermitAll
@RunAs("user")
@RunAsPrincipal(DirectorySearcher.USERNAME)
public class DirectorySearcher {
    static final String USERNAME = "it.annuaire.banc";

    @EJB
    private Directory directory;

    @EJB
    private Correspondents correspondents;

    public List<DirectoryEntry> search(String typed) {
        return directory.search(typed);
    }

    public List<Suggestion> suggest(String typed) {
        return correspondents.suggest(typed);
    }
}
