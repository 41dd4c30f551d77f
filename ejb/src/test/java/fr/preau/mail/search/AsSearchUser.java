package fr.preau.mail.search;

import java.io.IOException;
import java.io.OutputStream;

import fr.preau.mail.FolderPath;
import fr.preau.mail.ReadingService;
import fr.preau.mail.MessageContent;
import fr.preau.mail.MessageUid;
import fr.preau.mail.export.ExportFormat;
import fr.preau.mail.export.ExportListener;
import fr.preau.mail.export.ExportService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Calls the search, export and mail services as the signed-in test user {@value #USERNAME}. */
@Stateless
@RunAs("user")
@RunAsPrincipal(AsSearchUser.USERNAME)
@PermitAll
public class AsSearchUser {
    public static final String USERNAME = "it.recherche";

    @EJB
    private SearchService search;

    @EJB
    private ReadingService reading;

    @EJB
    private ExportService export;

    public SearchResult search(SearchQuery query) {
        return search.search(query);
    }

    public MessageContent open(FolderPath folder, MessageUid uid) {
        return reading.open(folder, uid);
    }

    public int count(FolderPath folder) {
        return export.count(folder);
    }

    public int export(FolderPath folder, ExportFormat format, OutputStream out, ExportListener listener)
            throws IOException {
        return export.export(folder, format, out, () -> { }, listener);
    }
}
