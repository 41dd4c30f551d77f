package fr.preau.web.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.preau.mail.FolderPath;
import fr.preau.mail.ListPage;
import fr.preau.mail.ListedMessage;
import fr.preau.mail.MessageActionService;
import fr.preau.mail.MessageSort;
import fr.preau.mail.MessageSummary;
import fr.preau.mail.MessageUid;
import fr.preau.web.shared.Feedback;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The message list of one folder in one order, fetched a page at a time from IMAP: the server sorts (IMAP SORT)
 * and sends only that page's UIDs, so a folder of 100,000 messages costs one page. The folder's total comes with
 * each page, so counting costs no extra round trip once a page was loaded.
 */
public class MessageLazyDataModel extends LazyDataModel<MessageSummary> {
    private static final long serialVersionUID = 1L;

    private final MessageActionService mail;
    private final FolderPath folder;
    private final MessageSort sort;
    private final boolean descending;
    private final boolean conversations;
    private final int pageSize;
    private Integer knownTotal;
    private List<MessageSummary> lastPage = List.of();
    private final Map<String, List<String>> keywords = new HashMap<>();
    private final Map<String, List<MessageUid>> threads = new HashMap<>();
    /** The first page fetched by count(), handed to the load() that follows it. */
    private transient List<MessageSummary> prefetched;
    private boolean unavailable;

    /**
     * @param conversations one row per conversation (IMAP THREAD), newest activity first; the order is then ignored
     */
    public MessageLazyDataModel(MessageActionService mail, FolderPath folder, MessageSort sort, boolean descending,
            boolean conversations, int pageSize) {
        this.mail = mail;
        this.folder = folder;
        this.sort = sort;
        this.descending = descending;
        this.conversations = conversations;
        this.pageSize = pageSize;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        if (knownTotal == null) {
            prefetched = load(0, pageSize);
        }
        return knownTotal == null ? 0 : knownTotal;
    }

    @Override
    public List<MessageSummary> load(int first, int size, Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
        if (prefetched != null && first == 0 && size == pageSize) {
            List<MessageSummary> page = prefetched;
            prefetched = null;
            return page;
        }
        prefetched = null;
        return load(first, size);
    }

    /** The first page, already fetched with the folder tree (one IMAP connection for both). */
    void firstPage(ListPage page) {
        prefetched = apply(page);
    }

    private List<MessageSummary> apply(ListPage page) {
        knownTotal = page.total();
        setRowCount(page.total());
        lastPage = page.rows().stream().map(ListedMessage::summary).toList();
        keywords.clear();
        threads.clear();
        page.rows().forEach(r -> {
            keywords.put(r.summary().uid().toString(), r.keywords());
            threads.put(r.summary().uid().toString(), r.thread());
        });
        unavailable = false;
        return lastPage;
    }

    private List<MessageSummary> load(int first, int size) {
        try {
            int limit = Math.max(1, Math.min(size, 200));
            return apply(conversations ? mail.conversations(folder, first, limit)
                    : mail.page(folder, sort, descending, first, limit));
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
            unavailable = true;
            knownTotal = 0;
            lastPage = List.of();
        }
        return lastPage;
    }

    @Override
    public String getRowKey(MessageSummary message) {
        return message.uid().toString();
    }

    @Override
    public MessageSummary getRowData(String rowKey) {
        return lastPage.stream().filter(m -> m.uid().toString().equals(rowKey)).findFirst().orElse(null);
    }

    /** The IMAP keywords of a message of the current page. */
    public List<String> keywordsOf(MessageSummary message) {
        return keywords.getOrDefault(message.uid().toString(), List.of());
    }

    /** Every message a row stands for: the whole conversation in the conversation view, else the row's own. */
    public List<MessageUid> membersOf(MessageSummary message) {
        return threads.getOrDefault(message.uid().toString(), List.of(message.uid()));
    }

    /** Messages in the row's conversation (1 outside the conversation view). */
    public int threadSizeOf(MessageSummary message) {
        return membersOf(message).size();
    }

    /** True when the last page could not be read: the list is unknown, not empty. */
    public boolean isUnavailable() {
        return unavailable;
    }

    public FolderPath getFolder() {
        return folder;
    }
}
