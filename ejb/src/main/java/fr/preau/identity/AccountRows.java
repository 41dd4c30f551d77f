package fr.preau.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import fr.preau.shared.Repository;
import fr.preau.shared.SqlTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

/**
 * The account rows of the administration (docs/adr/0090): the accounts page's search, the suspension and quota
 * columns, the establishments an establishment administrator is in charge of, and the identifiers ever given. It
 * decides nothing: {@link AccountAdministration} and {@link AdministeredAccounts} say who may do what, and pass
 * the scope they computed.
 */
@ApplicationScoped
@Repository
public class AccountRows {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /**
     * One page of the enabled accounts that match, by identifier.
     *
     * @param establishments the caller's establishments; empty for an academy administrator (all of them)
     */
    public List<AccountRow> search(AccountQuery query, Optional<Set<String>> establishments, int offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = where(query, establishments, parameters);
        Query q = em.createNativeQuery("select a.username, a.address, a.display_name, a.establishment_uai, e.name,"
                + " a.quota_class, qc.label, a.suspended_at from account a"
                + " left join establishment e on e.uai = a.establishment_uai"
                + " join quota_class qc on qc.code = a.quota_class" + where + " order by a.username"
                + " offset " + Math.max(0, offset) + " limit " + Math.max(1, limit));
        bind(q, parameters);
        List<AccountRow> rows = new ArrayList<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            rows.add(new AccountRow((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6], SqlTimes.instant(r[7])));
        }
        return rows;
    }

    /** How many enabled accounts match (same criteria as {@link #search}). */
    public long count(AccountQuery query, Optional<Set<String>> establishments) {
        List<Object> parameters = new ArrayList<>();
        Query q = em.createNativeQuery("select count(*) from account a" + where(query, establishments, parameters));
        bind(q, parameters);
        return ((Number) q.getSingleResult()).longValue();
    }

    /** Every establishment (UAI, "name (town)"), by name. */
    @SuppressWarnings("unchecked")
    public List<Choice> establishments() {
        List<Object[]> rows = em.createNativeQuery("select uai, name || ' (' || town || ')' from establishment"
                + " order by name, uai").getResultList();
        return rows.stream().map(r -> new Choice((String) r[0], (String) r[1])).toList();
    }

    /** Whether an establishment with this UAI exists. */
    public boolean establishmentExists(String uai) {
        return exists("select count(*) from establishment where uai = ?1", uai);
    }

    /** The quota classes (code, label), by label. */
    @SuppressWarnings("unchecked")
    public List<Choice> quotaClasses() {
        List<Object[]> rows = em.createNativeQuery("select code, label from quota_class order by label")
                .getResultList();
        return rows.stream().map(r -> new Choice((String) r[0], (String) r[1])).toList();
    }

    /** Whether a quota class with this code exists. */
    public boolean quotaClassExists(String code) {
        return exists("select count(*) from quota_class where code = ?1", code);
    }

    /**
     * The establishments the account {@code username} administers: that of its own row and those of table
     * {@code establishment_admin}.
     */
    @SuppressWarnings("unchecked")
    public Set<String> establishmentsOf(String username) {
        List<String> rows = em.createNativeQuery("select a.establishment_uai from account a where a.username = ?1"
                + " and a.establishment_uai is not null union select ea.establishment_uai from establishment_admin ea"
                + " join account a on a.id = ea.account_id where a.username = ?1")
                .setParameter(1, username).getResultList();
        return new LinkedHashSet<>(rows);
    }

    /** Marks the account suspended by {@code actor}; false when it already was. */
    public boolean suspend(long accountId, String actor) {
        return em.createNativeQuery("update account set suspended_at = now(), suspended_by = ?2"
                + " where id = ?1 and suspended_at is null")
                .setParameter(1, accountId).setParameter(2, actor).executeUpdate() > 0;
    }

    /** Clears the suspension; false when the account was not suspended. */
    public boolean reactivate(long accountId) {
        return em.createNativeQuery("update account set suspended_at = null, suspended_by = null"
                + " where id = ?1 and suspended_at is not null")
                .setParameter(1, accountId).executeUpdate() > 0;
    }

    /** Puts the account in another quota class. */
    public void changeQuotaClass(long accountId, String code) {
        em.createNativeQuery("update account set quota_class = ?2 where id = ?1")
                .setParameter(1, accountId).setParameter(2, code).executeUpdate();
    }

    /**
     * Whether an identifier or an address was ever given: an account row (closed or not, under its identifier or
     * its address), an alias (an address kept by a rename) or a distribution list's address (docs/adr/0101).
     * Keycloak's users are the caller's to check.
     */
    public boolean given(String username, String address) {
        return ((Number) em.createNativeQuery("select (select count(*) from account where username = ?1"
                + " or address = ?2) + (select count(*) from alias where address = ?2)"
                + " + (select count(*) from distribution_list where address = ?2)")
                .setParameter(1, username).setParameter(2, address).getSingleResult()).intValue() > 0;
    }

    private boolean exists(String sql, String value) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, value).getSingleResult()).intValue() > 0;
    }

    private static String where(AccountQuery query, Optional<Set<String>> establishments, List<Object> parameters) {
        StringBuilder where = new StringBuilder(" where a.enabled");
        if (establishments.isPresent()) {
            if (establishments.get().isEmpty()) {
                return " where false";
            }
            parameters.add(String.join(",", establishments.get()));
            where.append(" and a.establishment_uai = any (string_to_array(?").append(parameters.size())
                    .append(", ','))");
        }
        if (query == null) {
            return where.toString();
        }
        String text = query.text() == null ? "" : query.text().trim().toLowerCase(Locale.ROOT);
        if (!text.isEmpty()) {
            parameters.add("%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            int p = parameters.size();
            where.append(" and (lower(a.display_name) like ?").append(p).append(" or a.username like ?").append(p)
                    .append(" or a.address like ?").append(p).append(')');
        }
        if (query.establishmentUai() != null && !query.establishmentUai().isBlank()) {
            parameters.add(query.establishmentUai().trim());
            where.append(" and a.establishment_uai = ?").append(parameters.size());
        }
        if (query.status() == AccountQuery.Status.ACTIVE) {
            where.append(" and a.suspended_at is null");
        } else if (query.status() == AccountQuery.Status.SUSPENDED) {
            where.append(" and a.suspended_at is not null");
        }
        return where.toString();
    }

    private static void bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
    }

}
