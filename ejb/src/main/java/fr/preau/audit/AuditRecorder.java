package fr.preau.audit;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Writes every fired {@link AuditEvent} to the audit log. A success is written once the business transaction has
 * committed (a rolled-back action did not happen); a failure is written at once, in its own transaction, so it
 * stays even when the business transaction rolls back. Without a transaction both are written at once. A failure
 * to write is logged and never breaks the user's action.
 */
@ApplicationScoped
public class AuditRecorder {
    private static final Logger LOG = Logger.getLogger(AuditRecorder.class.getName());

    @EJB
    private AuditLog log;

    @Inject
    private Instance<ClientOrigin> origin;

    void succeeded(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditEvent event) {
        if (event.success()) {
            write(event);
        }
    }

    void failed(@Observes AuditEvent event) {
        if (!event.success()) {
            write(event);
        }
    }

    private void write(AuditEvent event) {
        try {
            log.append(event, event.ip() != null ? event.ip() : requestIp());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Audit entry not written: " + event, e);
        }
    }

    private String requestIp() {
        try {
            return origin.get().getIp();
        } catch (ContextNotActiveException e) {
            return null;
        }
    }
}
