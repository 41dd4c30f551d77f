package fr.preau.mail.quota;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

/**
 * The quota sweep's snapshots as the report reads them (docs/adr/0093), for a set of accounts: those of one
 * establishment (or of every establishment) among a set of establishments (or among all). Who may read which
 * establishments is {@link QuotaReport}'s business.
 */
@ApplicationScoped
@Repository
public class QuotaSnapshots {
    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /**
     * Which accounts: those of {@code establishmentUai} (null: any), among the establishments {@code among} (empty
     * optional: any; an empty set: none).
     */
    public record Scope(String establishmentUai, Optional<Set<String>> among) {
    }

    /** The latest day with snapshots, if any. */
    public Optional<LocalDate> latestDay() {
        Object day = em.createNativeQuery("select max(day) from quota_snapshot").getSingleResult();
        return Optional.ofNullable(day).map(QuotaSnapshots::date);
    }

    /** One page of the snapshots of {@code day}, fullest (in percent of their quota) first. */
    public List<QuotaRow> fullest(LocalDate day, Scope scope, int offset, int limit) {
        List<Object> parameters = new ArrayList<>();
        String where = where(scope, day, parameters);
        Query q = em.createNativeQuery("select a.username, a.address, a.establishment_uai, e.name, s.used_kb,"
                + " s.limit_kb from quota_snapshot s join account a on a.id = s.account_id"
                + " left join establishment e on e.uai = a.establishment_uai" + where
                + " order by case when s.limit_kb > 0 then s.used_kb::float8 / s.limit_kb else 0 end desc,"
                + " s.used_kb desc, a.address offset " + Math.max(0, offset) + " limit " + Math.max(1, limit));
        bind(q, parameters);
        List<QuotaRow> rows = new ArrayList<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            rows.add(new QuotaRow((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                    ((Number) r[4]).longValue(), ((Number) r[5]).longValue()));
        }
        return rows;
    }

    /** How many snapshots of {@code day} {@link #fullest} pages through. */
    public long count(LocalDate day, Scope scope) {
        List<Object> parameters = new ArrayList<>();
        Query q = em.createNativeQuery("select count(*) from quota_snapshot s join account a on a.id = s.account_id"
                + where(scope, day, parameters));
        bind(q, parameters);
        return ((Number) q.getSingleResult()).longValue();
    }

    /** The storage used on each day from {@code since} that has snapshots, oldest first. */
    public List<DailyUsage> growth(LocalDate since, Scope scope) {
        List<Object> parameters = new ArrayList<>();
        String where = where(scope, null, parameters);
        parameters.add(Date.valueOf(since));
        Query q = em.createNativeQuery("select s.day, sum(s.used_kb), count(*) from quota_snapshot s"
                + " join account a on a.id = s.account_id" + where + " and s.day >= ?" + parameters.size()
                + " group by s.day order by s.day");
        bind(q, parameters);
        List<DailyUsage> days = new ArrayList<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            days.add(new DailyUsage(date(r[0]), ((Number) r[1]).longValue(), ((Number) r[2]).longValue()));
        }
        return days;
    }

    private static String where(Scope scope, LocalDate day, List<Object> parameters) {
        if (scope.among().isPresent() && scope.among().get().isEmpty()) {
            return " where false";
        }
        StringBuilder where = new StringBuilder(" where true");
        if (day != null) {
            parameters.add(Date.valueOf(day));
            where.append(" and s.day = ?").append(parameters.size());
        }
        if (scope.establishmentUai() != null) {
            parameters.add(scope.establishmentUai());
            where.append(" and a.establishment_uai = ?").append(parameters.size());
        }
        if (scope.among().isPresent()) {
            parameters.add(String.join(",", scope.among().get()));
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
