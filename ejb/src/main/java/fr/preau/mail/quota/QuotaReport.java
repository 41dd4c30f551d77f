package fr.preau.mail.quota;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import fr.preau.identity.AdministeredAccounts;
import fr.preau.shared.InvalidInputException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

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

    @Inject
    private QuotaSnapshots snapshots;

    @EJB
    private AdministeredAccounts scope;

    /** The latest day with snapshots, if any. */
    public Optional<LocalDate> latestDay() {
        return snapshots.latestDay();
    }

    /**
     * One page of the mailboxes of the latest swept day, fullest (in percent of their quota) first.
     *
     * @param establishmentUai only this establishment (null or blank: all the caller's)
     * @throws fr.preau.shared.InvalidInputException an establishment outside the caller's
     */
    public List<QuotaRow> fullest(String establishmentUai, int offset, int limit) {
        QuotaSnapshots.Scope allowed = allowed(establishmentUai);
        return latestDay().map(day -> snapshots.fullest(day, allowed, offset, Math.min(MAX_PAGE, limit)))
                .orElse(List.of());
    }

    /** How many mailboxes {@link #fullest} pages through. */
    public long count(String establishmentUai) {
        QuotaSnapshots.Scope allowed = allowed(establishmentUai);
        return latestDay().map(day -> snapshots.count(day, allowed)).orElse(0L);
    }

    /**
     * The storage used by the caller's mailboxes (or one establishment's) on each of the {@value #GROWTH_DAYS} days
     * up to the latest swept day that have snapshots, oldest first.
     *
     * @throws fr.preau.shared.InvalidInputException an establishment outside the caller's
     */
    public List<DailyUsage> growth(String establishmentUai) {
        QuotaSnapshots.Scope allowed = allowed(establishmentUai);
        return latestDay().map(last -> snapshots.growth(last.minusDays(GROWTH_DAYS - 1L), allowed))
                .orElse(List.of());
    }

    /** The accounts the caller may see, of one establishment if asked: refused outside the caller's. */
    private QuotaSnapshots.Scope allowed(String establishmentUai) {
        Optional<Set<String>> own = scope.establishments();
        String asked = establishmentUai == null || establishmentUai.isBlank() ? null : establishmentUai.trim();
        if (asked != null && own.isPresent() && !own.get().contains(asked)) {
            throw new InvalidInputException("establishment", "admin.quotas.forbidden", asked);
        }
        return new QuotaSnapshots.Scope(asked, own);
    }
}
