package fr.preau.mail.quota;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import fr.preau.identity.AdministeredAccounts;
import fr.preau.shared.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

/**
 * The quota report of the administration area (ADM-2, docs/adr/0093), read from the quota sweep's snapshots: the
 * fullest mailboxes of the latest swept day, a page at a time, and the storage used day by day. An {@code admin}
 * sees every account; an {@code etab-admin} only the accounts of their establishments (checked here, whatever the
 * page asks).
 */
@Stateless
@RolesAllowed({"admin", "etab-admin"})
public class QuotaReport {
    /** How many days the growth covers. */
    public static final int GROWTH_DAYS = 30;
    private static final int MAX_PAGE = 100;

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    @EJB
    private AdministeredAccounts scope;

    /** The latest day with snapshots, if any. */
    public Optional<LocalDate> latestDay() {
        Object day = em.createNativeQuery("select max(day) from quota_snapshot").getSingleResult();
        return Optional.ofNullable(day).map(QuotaReport::date);
    }

    /**
     * One page of the mailboxes of the latest swept day, fullest (in percent of their quota) first.
     *
     * @param establishmentUai only this establishment (null or blank: all the caller's)
     * @throws fr.preau.shared.InvalidInputException an establishment outside the caller's
     */
    public List<QuotaRow> fullest(String establishmentUai, int offset, int limit) {
        Optional<LocalDate> day = latestDay();
        if (day.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>();
        String where = where(establishmentUai, day.get(), parameters);
        Query q = em.createNativeQuery("select a.username, a.address, a.establishment_uai, e.name, s.used_kb,"
                + " s.limit_kb from quota_snapshot s join account a on a.id = s.account_id"
                + " left join establishment e on e.uai = a.establishment_uai" + where
                + " order by case when s.limit_kb > 0 then s.used_kb::float8 / s.limit_kb else 0 end desc,"
                + " s.used_kb desc, a.address offset " + Math.max(0, offset) + " limit "
                + Math.max(1, Math.min(MAX_PAGE, limit)));
        bind(q, parameters);
        List<QuotaRow> rows = new ArrayList<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            rows.add(new QuotaRow((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                    ((Number) r[4]).longValue(), ((Number) r[5]).longValue()));
        }
        return rows;
    }

    /** How many mailboxes {@link #fullest} pages through. */
    public long count(String establishmentUai) {
        Optional<LocalDate> day = latestDay();
        if (day.isEmpty()) {
            return 0;
        }
        List<Object> parameters = new ArrayList<>();
        Query q = em.createNativeQuery("select count(*) from quota_snapshot s join account a on a.id = s.account_id"
                + where(establishmentUai, day.get(), parameters));
        bind(q, parameters);
        return ((Number) q.getSingleResult()).longValue();
    }

    /**
     * The storage used by the caller's mailboxes (or one establishment's) on each of the {@value #GROWTH_DAYS} days
     * up to the latest swept day that have snapshots, oldest first.
     *
     * @throws fr.preau.shared.InvalidInputException an establishment outside the caller's
     */
    public List<DailyUsage> growth(String establishmentUai) {
        Optional<LocalDate> last = latestDay();
        if (last.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>();
        String where = where(establishmentUai, null, parameters);
        parameters.add(Date.valueOf(last.get().minusDays(GROWTH_DAYS - 1L)));
        String since = " and s.day >= ?" + parameters.size();
        Query q = em.createNativeQuery("select s.day, sum(s.used_kb), count(*) from quota_snapshot s"
                + " join account a on a.id = s.account_id" + where + since + " group by s.day order by s.day");
        bind(q, parameters);
        List<DailyUsage> days = new ArrayList<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            days.add(new DailyUsage(date(r[0]), ((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
        }
        return days;
    }

    private String where(String establishmentUai, LocalDate day, List<Object> parameters) {
        Optional<Set<String>> own = scope.establishments();
        if (establishmentUai != null && !establishmentUai.isBlank() && own.isPresent()
                && !own.get().contains(establishmentUai.trim())) {
            throw new InvalidInputException("establishment", "admin.quotas.forbidden", establishmentUai.trim());
        }
        if (own.isPresent() && own.get().isEmpty()) {
            return " where false";
        }
        StringBuilder where = new StringBuilder(" where true");
        if (day != null) {
            parameters.add(Date.valueOf(day));
            where.append(" and s.day = ?").append(parameters.size());
        }
        if (establishmentUai != null && !establishmentUai.isBlank()) {
            parameters.add(establishmentUai.trim());
            where.append(" and a.establishment_uai = ?").append(parameters.size());
        }
        if (own.isPresent()) {
            parameters.add(String.join(",", own.get()));
            where.append(" and a.establishment_uai = any (string_to_array(?").append(parameters.size())
                    .append(", ','))");
        }
        return where.toString();
    }

    private static void bind(Query q, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            q.setParameter(i + 1, parameters.get(i));
        }
    }

    private static LocalDate date(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
