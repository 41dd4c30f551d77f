package fr.preau.web.admin;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEntry;
import fr.preau.audit.AuditLog;
import fr.preau.audit.AuditQuery;
import fr.preau.web.account.AuditEntryDataModel;
import fr.preau.web.shared.Feedback;
import fr.preau.web.shared.Formats;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * "Journal d'audit" (administrators): every entry, searched by user, action, date range and outcome, a page at a
 * time. Dates are whole days in the academy's time zone (Europe/Paris), the end day included.
 */
@Named
@ViewScoped
public class AuditSearchView implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ZoneId ZONE = Formats.PARIS;

    @EJB
    private AuditLog auditLog;

    private String user;
    private AuditAction action;
    private LocalDate from;
    private LocalDate to;
    private String outcome;
    private AuditEntryDataModel entries;

    @PostConstruct
    void init() {
        search();
    }

    public void search() {
        if (from != null && to != null && to.isBefore(from)) {
            Feedback.error("audit-search:to", "audit.search.range");
            return;
        }
        AuditQuery query = query();
        AuditLog log = auditLog;
        entries = new AuditEntryDataModel(new AuditEntryDataModel.Source() {
            private static final long serialVersionUID = 1L;

            @Override
            public List<AuditEntry> page(int offset, int limit) {
                return log.search(query, offset, limit);
            }

            @Override
            public long count() {
                return log.count(query);
            }
        });
    }

    /**
     * The entries of the criteria as typed (the search need not be run first), as a CSV file
     * ({@code journal-audit.csv}, at most {@link AuditLog#MAX_EXPORT}).
     */
    public StreamedContent getCsv() {
        AuditQuery query = query();
        AuditLog log = auditLog;
        return DefaultStreamedContent.builder().name("journal-audit.csv").contentType("text/csv; charset=UTF-8")
                .writer(out -> {
                    try {
                        log.export(query, out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).build();
    }

    private AuditQuery query() {
        return new AuditQuery(user, action,
                from == null ? null : from.atStartOfDay(ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(ZONE).toInstant(),
                outcome == null || outcome.isEmpty() ? null : Boolean.valueOf("success".equals(outcome)));
    }

    public AuditAction[] getActions() {
        return AuditAction.values();
    }

    public String actionLabel(AuditAction a) {
        return Feedback.text("audit.action." + a.name());
    }

    public AuditEntryDataModel getEntries() {
        return entries;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public AuditAction getAction() {
        return action;
    }

    public void setAction(AuditAction action) {
        this.action = action;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }
}
