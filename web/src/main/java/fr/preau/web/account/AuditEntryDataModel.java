package fr.preau.web.account;

import java.util.List;
import java.util.Map;

import fr.preau.audit.AuditEntry;
import fr.preau.web.shared.Feedback;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Audit entries fetched a page at a time from the audit log (the user's own, or an administrator's search), newest
 * first. A failure of the database shows the French message and an empty page.
 */
public class AuditEntryDataModel extends LazyDataModel<AuditEntry> {
    private static final long serialVersionUID = 1L;

    /** One page of entries and the total, from the service. */
    public interface Source extends java.io.Serializable {
        List<AuditEntry> page(int offset, int limit);

        long count();
    }

    private final Source source;

    public AuditEntryDataModel(Source source) {
        this.source = source;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        try {
            return (int) Math.min(Integer.MAX_VALUE, source.count());
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
            return 0;
        }
    }

    @Override
    public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
        try {
            return source.page(first, pageSize);
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
            return List.of();
        }
    }

    @Override
    public String getRowKey(AuditEntry entry) {
        return String.valueOf(entry.getId());
    }

    @Override
    public AuditEntry getRowData(String rowKey) {
        return null;
    }
}
