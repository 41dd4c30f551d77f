package fr.preau.batch.audit;

import java.util.logging.Logger;

import fr.preau.audit.AuditLog;
import jakarta.batch.api.AbstractBatchlet;
import fr.preau.batch.BatchRole;
import jakarta.ejb.EJB;
import jakarta.inject.Named;

/** Deletes the audit entries older than the retention; the exit status says how many. */
@Named
public class AuditPurgeBatchlet extends AbstractBatchlet {
    private static final Logger LOG = Logger.getLogger(AuditPurgeBatchlet.class.getName());

    @EJB
    private BatchRole batch;

    @EJB
    private AuditLog auditLog;

    @Override
    public String process() {
        int deleted = batch.call(auditLog::purgeExpired);
        LOG.info("Audit log: " + deleted + " entries older than " + auditLog.retention().toDays() + " days purged");
        return "DELETED " + deleted;
    }
}
