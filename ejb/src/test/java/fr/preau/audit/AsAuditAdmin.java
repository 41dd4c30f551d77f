package fr.preau.audit;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** Acts as an administrator (role admin) searching the audit log. */
@Stateless
@RunAs("admin")
@RunAsPrincipal("it.admin")
@PermitAll
public class AsAuditAdmin {
    @EJB
    private AuditLog auditLog;

    public List<AuditEntry> search(AuditQuery query) {
        return auditLog.search(query, 0, 200);
    }

    public long count(AuditQuery query) {
        return auditLog.count(query);
    }
}
