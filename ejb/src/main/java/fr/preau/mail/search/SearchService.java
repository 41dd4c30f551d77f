package fr.preau.mail.search;

import java.util.List;

import fr.preau.mail.FolderInfo;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MailboxContext;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Search across the folders of the caller's mailbox (ADR 0030). Before each search the index is brought up to date
 * from IMAP, so what any client delivered, moved or deleted is already reflected.
 *
 * <p>Failures: {@link InvalidInputException} for an empty query ({@code q}) or dates in the wrong order
 * ({@code du}); {@link fr.preau.shared.ServiceUnavailableException} when IMAP or PostgreSQL does not answer.
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SearchService {
    /** At most this many results are listed (the total is still counted). */
    public static final int MAX_HITS = 200;
    private static final int MAX_WORDS = 10;
    private static final int MAX_QUERY = 500;

    @EJB
    private MailboxAccess access;

    @Inject
    private SearchIndexer indexer;

    @Inject
    private SearchIndex index;

    /** The newest matches first, at most {@value #MAX_HITS}. */
    public SearchResult search(SearchQuery query) {
        return searchPage(query).result();
    }

    /**
     * What the search page shows: the matches, and the folder tree with its counts as listed while the index was
     * brought up to date (one IMAP connection for both).
     */
    public SearchPage searchPage(SearchQuery query) {
        String text = query == null ? null : query.text();
        if (text != null && text.length() > MAX_QUERY) {
            throw new InvalidInputException("q", "search.error.long", String.valueOf(MAX_QUERY));
        }
        List<String> words = Folding.words(text, MAX_WORDS);
        if (words.isEmpty()) {
            throw new InvalidInputException("q", "search.error.empty", null);
        }
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            throw new InvalidInputException("du", "search.error.dates", null);
        }
        MailboxContext ctx = access.own();
        List<FolderInfo> folders = indexer.sync(ctx);
        return new SearchPage(folders, index.search(ctx.owner().address(), words, query, MAX_HITS));
    }

    /** Brings the caller's index up to date in the background (when the search page opens). */
    @Asynchronous
    public void prepare() {
        indexer.sync(access.own());
    }
}
