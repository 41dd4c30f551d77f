package fr.preau.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The addresses the recipient fields suggest: first the caller's recent correspondents (table
 * {@code recent_correspondent}, fed by each message they send), then the enabled accounts of the academy.
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
public class Correspondents {
    /** Suggestions returned at most. */
    public static final int MAX = 10;

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    @EJB
    private MailboxAccess access;

    /** Addresses whose address or name contains the text (2 characters at least), recent ones first. */
    public List<MailAddress> suggest(String text) {
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (q.length() < 2) {
            return List.of();
        }
        String like = "%" + q.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        Map<String, MailAddress> found = new LinkedHashMap<>();
        add(found, em.createNativeQuery("select r.address, r.display_name from recent_correspondent r"
                + " join account a on a.id = r.account_id where a.address = ?1"
                + " and (r.address like ?2 escape '!' or lower(r.display_name) like ?2 escape '!')"
                + " order by r.last_used_at desc limit " + MAX)
                .setParameter(1, access.own().owner().address()).setParameter(2, like).getResultList());
        if (found.size() < MAX) {
            add(found, em.createNativeQuery("select address, display_name from account where enabled"
                    + " and (address like ?1 escape '!' or lower(display_name) like ?1 escape '!')"
                    + " order by display_name limit " + MAX).setParameter(1, like).getResultList());
        }
        return new ArrayList<>(found.values()).subList(0, Math.min(MAX, found.size()));
    }

    /** Remembers the recipients of a message the caller sent. */
    public void remember(List<MailAddress> recipients) {
        String owner = access.own().owner().address();
        for (MailAddress a : recipients) {
            em.createNativeQuery("insert into recent_correspondent (account_id, address, display_name)"
                    + " select id, ?2, ?3 from account where address = ?1"
                    + " on conflict (account_id, address) do update set last_used_at = now(),"
                    + " use_count = recent_correspondent.use_count + 1,"
                    + " display_name = coalesce(excluded.display_name, recent_correspondent.display_name)")
                    .setParameter(1, owner).setParameter(2, a.address()).setParameter(3, a.personal())
                    .executeUpdate();
        }
    }

    private static void add(Map<String, MailAddress> found, List<?> rows) {
        for (Object row : rows) {
            Object[] cols = (Object[]) row;
            String address = (String) cols[0];
            if (MailAddress.isValid(address) && found.size() < MAX) {
                found.putIfAbsent(address, new MailAddress(address, (String) cols[1]));
            }
        }
    }
}
