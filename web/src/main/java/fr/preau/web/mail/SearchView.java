package fr.preau.web.mail;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import fr.preau.mail.FolderInfo;
import fr.preau.mail.FolderPath;
import fr.preau.mail.FolderService;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.SpecialUse;
import fr.preau.mail.search.SearchField;
import fr.preau.mail.search.SearchHit;
import fr.preau.mail.search.SearchPage;
import fr.preau.mail.search.SearchQuery;
import fr.preau.mail.search.SearchResult;
import fr.preau.mail.search.SearchService;
import fr.preau.web.shared.Feedback;
import fr.preau.web.shared.UserView;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The search page ({@code /mail/search.xhtml?q=…&champ=…&dossier=…&du=…&au=…}): the query lives in the address, so
 * a search can be bookmarked and the browser's back button returns to it; each result opens in its folder.
 */
@Named
@ViewScoped
public class SearchView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private SearchService search;

    @EJB
    private FolderService folderService;

    @EJB
    private MailboxAccess access;

    @Inject
    private UserView user;

    private String q;
    private String champ;
    private String dossier;
    private String du;
    private String au;
    private List<FolderInfo> folders = List.of();
    private SearchResult result;

    /** Runs the search of the address, if any (f:viewAction). */
    public void init() {
        user.loadIfMissing();
        // The search covers one's own mailbox (its index is the caller's): a delegate searching from someone
        // else's mailbox is back in their own, so that the folders shown and each result opened are their own.
        access.select(null);
        if (q == null || q.isBlank()) {
            loadFolders();
            search.prepare();
            return;
        }
        LocalDate from = day(du, "du");
        LocalDate to = day(au, "au");
        if (from == null && du != null && !du.isBlank() || to == null && au != null && !au.isBlank()) {
            loadFolders();
            return;
        }
        try {
            SearchPage page = search.searchPage(new SearchQuery(q, field(), folder(), from, to));
            folders = page.folders();
            result = page.result();
        } catch (RuntimeException e) {
            Feedback.failed(e, "search");
            loadFolders();
        }
    }

    private void loadFolders() {
        try {
            folders = folderService.folders();
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** Post/Redirect/Get: the form's values go into the address. */
    public String submit() {
        return "/mail/search?faces-redirect=true&includeViewParams=true";
    }

    private SearchField field() {
        try {
            return champ == null || champ.isBlank() ? SearchField.ALL : SearchField.valueOf(champ);
        } catch (IllegalArgumentException e) {
            return SearchField.ALL;
        }
    }

    private FolderPath folder() {
        try {
            return dossier == null || dossier.isBlank() ? null : new FolderPath(dossier);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate day(String text, String fieldId) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            Feedback.error("search:" + fieldId, "search.error.date", text);
            return null;
        }
    }

    public SearchField[] getFields() {
        return SearchField.values();
    }

    public String fieldLabel(SearchField f) {
        return Feedback.text("search.field." + f.name());
    }

    /** The folder's name as the folder list shows it (French names of the special folders). */
    public String folderLabel(FolderPath path) {
        Map<String, FolderInfo> byName = folders.stream()
                .collect(Collectors.toMap(f -> f.path().name(), Function.identity(), (a, b) -> a));
        FolderInfo info = byName.get(path.name());
        if (info == null) {
            return "INBOX".equals(path.name()) ? Feedback.text("mail.folder.INBOX") : path.name();
        }
        return info.use() == SpecialUse.NONE ? info.label() : Feedback.text("mail.folder." + info.use().name());
    }

    public String getSummary() {
        if (result == null) {
            return "";
        }
        if (result.total() == 0) {
            return Feedback.text("search.none");
        }
        return result.truncated() ? Feedback.text("search.countTruncated", result.hits().size(), result.total())
                : Feedback.text("search.count", result.total());
    }

    public List<SearchHit> getHits() {
        return result == null ? List.of() : result.hits();
    }

    public boolean isSearched() {
        return result != null;
    }

    public List<FolderInfo> getFolders() {
        return folders.stream().filter(FolderInfo::selectable).toList();
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getChamp() {
        return champ;
    }

    public void setChamp(String champ) {
        this.champ = champ;
    }

    public String getDossier() {
        return dossier;
    }

    public void setDossier(String dossier) {
        this.dossier = dossier;
    }

    public String getDu() {
        return du;
    }

    public void setDu(String du) {
        this.du = du;
    }

    public String getAu() {
        return au;
    }

    public void setAu(String au) {
        this.au = au;
    }
}
