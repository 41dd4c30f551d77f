package fr.preau.web.mail;

import java.util.List;
import java.util.Map;

import fr.preau.mail.FolderPath;
import fr.preau.mail.MailService;
import fr.preau.mail.MessagePage;
import fr.preau.mail.MessageSummary;
import fr.preau.web.shared.Feedback;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The message list of one folder, fetched a page at a time from IMAP (never the whole folder). The folder's total
 * comes with each page, so counting costs no extra round trip once a page was loaded.
 */
public class MessageLazyDataModel extends LazyDataModel<MessageSummary> {
    private static final long serialVersionUID = 1L;

    private final MailService mail;
    private final FolderPath folder;
    private final int pageSize;
    private Integer knownTotal;
    private List<MessageSummary> lastPage = List.of();
    /** The first page fetched by count(), handed to the load() that follows it. */
    private transient List<MessageSummary> prefetched;
    private boolean unavailable;

    public MessageLazyDataModel(MailService mail, FolderPath folder, int pageSize) {
        this.mail = mail;
        this.folder = folder;
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

    private List<MessageSummary> load(int first, int size) {
        try {
            MessagePage page = mail.messages(folder, first, Math.max(1, Math.min(size, 200)));
            knownTotal = page.total();
            setRowCount(page.total());
            lastPage = page.messages();
            unavailable = false;
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

    /** True when the last page could not be read: the list is unknown, not empty. */
    public boolean isUnavailable() {
        return unavailable;
    }

    public FolderPath getFolder() {
        return folder;
    }
}
