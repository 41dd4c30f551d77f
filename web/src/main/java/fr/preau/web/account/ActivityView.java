package fr.preau.web.account;

import java.io.Serializable;
import java.util.List;

import fr.preau.audit.AuditEntry;
import fr.preau.audit.AuditLog;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/** "Activité récente": the caller's own audit entries, newest first, a page at a time. */
@Named
@ViewScoped
public class ActivityView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private AuditLog auditLog;

    private AuditEntryDataModel entries;

    @PostConstruct
    void init() {
        AuditLog log = auditLog;
        entries = new AuditEntryDataModel(new AuditEntryDataModel.Source() {
            private static final long serialVersionUID = 1L;

            @Override
            public List<AuditEntry> page(int offset, int limit) {
                return log.mine(offset, limit);
            }

            @Override
            public long count() {
                return log.countMine();
            }
        });
    }

    public AuditEntryDataModel getEntries() {
        return entries;
    }
}
