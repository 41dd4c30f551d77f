package fr.preau.web.admin;

import java.util.List;
import java.util.Map;

import fr.preau.identity.AccountAdministration;
import fr.preau.identity.AccountQuery;
import fr.preau.identity.AccountRow;
import fr.preau.web.shared.Feedback;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The accounts of one search, a page at a time from {@link AccountAdministration} (never the 25,000 at once), by
 * identifier. A failure of the database shows the French message and an empty page.
 */
public class AccountDataModel extends LazyDataModel<AccountRow> {
    private static final long serialVersionUID = 1L;

    private final AccountAdministration service;
    private final AccountQuery query;
    private final Map<String, String> quotaChoice;

    /** @param quotaChoice filled with each loaded row's quota class, what its quota menu shows */
    public AccountDataModel(AccountAdministration service, AccountQuery query, Map<String, String> quotaChoice) {
        this.service = service;
        this.query = query;
        this.quotaChoice = quotaChoice;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        try {
            return (int) Math.min(Integer.MAX_VALUE, service.count(query));
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
            return 0;
        }
    }

    @Override
    public List<AccountRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
        try {
            List<AccountRow> rows = service.search(query, first, pageSize);
            rows.forEach(r -> quotaChoice.put(r.username(), r.quotaClass()));
            return rows;
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
            return List.of();
        }
    }

    @Override
    public String getRowKey(AccountRow row) {
        return row.username();
    }

    @Override
    public AccountRow getRowData(String rowKey) {
        return null;
    }
}
