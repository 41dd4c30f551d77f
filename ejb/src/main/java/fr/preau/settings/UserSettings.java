package fr.preau.settings;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import fr.preau.shared.RequestMemo;
import fr.preau.account.AccountService;
import fr.preau.shared.NotFoundException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The signed-in user's own preferences (table {@code user_setting}), keyed by name. The account is always the
 * caller's: no method takes a user as parameter. Names are namespaced by feature ({@code mail.images.trusted},
 * {@code mail.folder.colour.INBOX} …); values are text (JSON when structured).
 */
@Stateless
@RolesAllowed("user")
public class UserSettings {
    @Resource
    private SessionContext session;

    @EJB
    private AccountService accounts;

    @Inject
    private RequestMemo memo;

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    public Optional<String> get(String name) {
        List<?> rows = em.createNativeQuery("select value from user_setting where account_id = ?1 and name = ?2")
                .setParameter(1, accountId()).setParameter(2, name).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0));
    }

    /** Every setting whose name starts with {@code prefix}, by name. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> result = new TreeMap<>();
        for (Object row : em.createNativeQuery(
                "select name, value from user_setting where account_id = ?1 and name like ?2 escape '!'")
                .setParameter(1, accountId())
                .setParameter(2, prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
                .getResultList()) {
            Object[] cols = (Object[]) row;
            result.put((String) cols[0], (String) cols[1]);
        }
        return result;
    }

    /** Sets (or with {@code null} removes) a preference of the caller. */
    public void put(String name, String value) {
        if (value == null) {
            em.createNativeQuery("delete from user_setting where account_id = ?1 and name = ?2")
                    .setParameter(1, accountId()).setParameter(2, name).executeUpdate();
            return;
        }
        em.createNativeQuery("insert into user_setting (account_id, name, value) values (?1, ?2, ?3) "
                + "on conflict (account_id, name) do update set value = excluded.value")
                .setParameter(1, accountId()).setParameter(2, name).setParameter(3, value).executeUpdate();
    }

    private long accountId() {
        Principal caller = session.getCallerPrincipal();
        String name = caller == null ? null : caller.getName();
        return RequestMemo.remembered(memo, "settings.account:" + name, () -> accounts.findEnabled(name)
                .orElseThrow(() -> new NotFoundException("account.missing", String.valueOf(name))).getId());
    }
}
