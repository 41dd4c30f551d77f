package fr.preau.mail;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import fr.preau.shared.Repository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The preferences of a mailbox (table {@code user_setting}, keyed by the owner's account), by name: trusted senders,
 * labels, folder colours, the conversation view. Each call takes the caller's {@link MailboxContext}, which only
 * {@link MailboxAccess} makes, so a page reaches the preferences of the mailbox it may open and no other. Names are
 * namespaced by feature ({@code mail.images.trusted} …); values are text (JSON when structured).
 */
@Stateless
@Repository
@RolesAllowed("user")
public class MailboxSettings {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    public Optional<String> get(MailboxContext ctx, String name) {
        List<?> rows = em.createNativeQuery("select value from user_setting where account_id = ?1 and name = ?2")
                .setParameter(1, ctx.ownerAccountId()).setParameter(2, name).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    /** Every setting whose name starts with {@code prefix}, by name. */
    public Map<String, String> withPrefix(MailboxContext ctx, String prefix) {
        Map<String, String> result = new TreeMap<>();
        for (Object row : em.createNativeQuery(
                "select name, value from user_setting where account_id = ?1 and name like ?2 escape '!'")
                .setParameter(1, ctx.ownerAccountId())
                .setParameter(2, prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
                .getResultList()) {
            Object[] cols = (Object[]) row;
            result.put((String) cols[0], (String) cols[1]);
        }
        return result;
    }

    /** Sets (or with {@code null} removes) a preference of the mailbox. */
    public void put(MailboxContext ctx, String name, String value) {
        if (value == null) {
            em.createNativeQuery("delete from user_setting where account_id = ?1 and name = ?2")
                    .setParameter(1, ctx.ownerAccountId()).setParameter(2, name).executeUpdate();
            return;
        }
        em.createNativeQuery("insert into user_setting (account_id, name, value) values (?1, ?2, ?3) "
                + "on conflict (account_id, name) do update set value = excluded.value")
                .setParameter(1, ctx.ownerAccountId()).setParameter(2, name).setParameter(3, value).executeUpdate();
    }
}
