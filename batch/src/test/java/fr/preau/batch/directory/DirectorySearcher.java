package fr.preau.batch.directory;

import java.util.List;

import fr.preau.directory.Directory;
import fr.preau.directory.DirectoryEntry;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/** Searches the directory as a signed-in user would (role {@code user}), for the bench. */
@Stateless
@PermitAll
@RunAs("user")
public class DirectorySearcher {
    @EJB
    private Directory directory;

    public List<DirectoryEntry> search(String typed) {
        return directory.search(typed);
    }
}
