package fr.preau.web.admin;

import java.util.List;
import java.util.Map;

import fr.preau.mail.quota.QuotaReport;
import fr.preau.mail.quota.QuotaRow;
import fr.preau.web.shared.Feedback;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The fullest mailboxes of the latest quota sweep, a page at a time from {@link QuotaReport} (never the 25,000 at
 * once). A refusal (another establishment) or a failure of the database shows the message and an empty page.
 */
public class QuotaDataModel extends LazyDataModel<QuotaRow> {
    private static final long serialVersionUID = 1L;

    private final QuotaReport report;
    private final String establishment;

    public QuotaDataModel(QuotaReport report, String establishment) {
        this.report = report;
        this.establishment = establishment;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        try {
            return (int) Math.min(Integer.MAX_VALUE, report.count(establishment));
        } catch (RuntimeException e) {
            return 0;
        }
    }

    @Override
    public List<QuotaRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
        try {
            return report.fullest(establishment, first, pageSize);
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
            return List.of();
        }
    }

    @Override
    public String getRowKey(QuotaRow row) {
        return row.username();
    }

    @Override
    public QuotaRow getRowData(String rowKey) {
        return null;
    }
}
