package fr.preau.identity;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import fr.preau.audit.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Test deployments only: keeps the audit events fired, so tests check that each audited action fires one. */
@ApplicationScoped
public class AuditRecorder {
    private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

    void record(@Observes AuditEvent event) {
        events.add(event);
    }

    public List<AuditEvent> events() {
        return List.copyOf(events);
    }
}
