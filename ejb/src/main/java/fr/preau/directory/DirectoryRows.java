package fr.preau.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

/**
 * The directory's rows: {@code directory_person}, the directory fields of {@code establishment}, the faults of the
 * imports ({@code directory_import_fault}; migration V130). No access check here: {@link Directory} and
 * {@link DirectoryImport} do them.
 */
@ApplicationScoped
@Repository
public class DirectoryRows {
    /** What writing one line of the feed did. */
    public enum Written {
        CREATED, UPDATED, UNCHANGED, DUPLICATE
    }

    private static final String COLUMNS = "p.id, p.last_name, p.first_name, p.function_code, p.discipline, e.uai,"
            + " e.name, e.town, e.kind, e.circonscription, p.address, p.work_phone, p.personal_phone,"
            + " p.personal_phone_shown, p.account_id";

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    /** Creates the establishment of the line, or brings its name, town, kind and circonscription up to date. */
    public void establishment(HrLine l) {
        em.createNativeQuery("insert into establishment as e (uai, name, town, kind, circonscription)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict (uai) do update set name = excluded.name,"
                + " town = excluded.town, kind = excluded.kind, circonscription = excluded.circonscription"
                + " where (e.name, e.town, e.kind, e.circonscription) is distinct from"
                + " (excluded.name, excluded.town, excluded.kind, excluded.circonscription)")
                .setParameter(1, l.uai()).setParameter(2, l.establishmentName()).setParameter(3, l.town())
                .setParameter(4, l.establishmentKind()).setParameter(5, l.circonscription()).executeUpdate();
    }

    /**
     * Writes the person of the line, seen by the import {@code run}; {@link Written#DUPLICATE} (nothing written)
     * when this import already wrote that matricule from another line. A person disabled earlier is enabled again.
     * Their account (by the feed's address, or an alias of it) is linked, and follows the person's establishment.
     */
    public Written person(HrLine l, long run) {
        Query q = em.createNativeQuery("insert into directory_person as p (hr_id, last_name, first_name,"
                + " function_code, discipline, establishment_uai, address, work_phone, personal_phone, account_id,"
                + " search_text, seen_import) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                + " (select a.id from account a where a.address = ?7 union all"
                + "  select al.account_id from alias al where al.address = ?7 limit 1), ?10, ?11)"
                + " on conflict (hr_id) do update set last_name = excluded.last_name,"
                + " first_name = excluded.first_name, function_code = excluded.function_code,"
                + " discipline = excluded.discipline, establishment_uai = excluded.establishment_uai,"
                + " address = excluded.address, work_phone = excluded.work_phone,"
                + " personal_phone = excluded.personal_phone, account_id = excluded.account_id,"
                + " search_text = excluded.search_text, seen_import = excluded.seen_import, disabled_at = null,"
                + " updated_at = case when p.disabled_at is null and (p.last_name, p.first_name, p.function_code,"
                + " p.discipline, p.establishment_uai, p.address, p.work_phone, p.personal_phone, p.account_id)"
                + " is not distinct from (excluded.last_name, excluded.first_name, excluded.function_code,"
                + " excluded.discipline, excluded.establishment_uai, excluded.address, excluded.work_phone,"
                + " excluded.personal_phone, excluded.account_id) then p.updated_at else now() end"
                + " where p.seen_import <> excluded.seen_import"
                + " returning (xmax = 0), (updated_at = now()), account_id")
                .setParameter(1, l.hrId()).setParameter(2, l.lastName()).setParameter(3, l.firstName())
                .setParameter(4, l.function().name()).setParameter(5, l.discipline()).setParameter(6, l.uai())
                .setParameter(7, l.address()).setParameter(8, l.workPhone()).setParameter(9, l.personalPhone())
                .setParameter(10, l.searchText()).setParameter(11, run);
        List<?> rows = q.getResultList();
        if (rows.isEmpty()) {
            return Written.DUPLICATE;
        }
        Object[] row = (Object[]) rows.get(0);
        if (row[2] != null) {
            em.createNativeQuery("update account set establishment_uai = ?2 where id = ?1"
                    + " and establishment_uai is distinct from ?2")
                    .setParameter(1, ((Number) row[2]).longValue()).setParameter(2, l.uai()).executeUpdate();
        }
        if (Boolean.TRUE.equals(row[0])) {
            return Written.CREATED;
        }
        return Boolean.TRUE.equals(row[1]) ? Written.UPDATED : Written.UNCHANGED;
    }

    /** Records a line the import {@code run} did not apply (once per line, a restart reading it again adds nothing). */
    public void fault(long run, FeedFault f) {
        em.createNativeQuery("insert into directory_import_fault (job_instance, line, hr_id, fault, detail)"
                + " values (?1, ?2, ?3, ?4, ?5) on conflict do nothing").setParameter(1, run)
                .setParameter(2, f.line()).setParameter(3, f.hrId()).setParameter(4, f.key())
                .setParameter(5, f.detail() == null ? null : abbreviate(f.detail(), 300)).executeUpdate();
    }

    /** The faults of the import {@code run}, by line, at most {@code limit}. */
    @SuppressWarnings("unchecked")
    public List<FeedFault> faults(long run, int limit) {
        List<Object[]> rows = em.createNativeQuery("select line, hr_id, fault, detail from directory_import_fault"
                + " where job_instance = ?1 order by line limit ?2").setParameter(1, run).setParameter(2, limit)
                .getResultList();
        List<FeedFault> faults = new ArrayList<>();
        for (Object[] r : rows) {
            faults.add(new FeedFault(((Number) r[0]).intValue(), (String) r[1], (String) r[2], (String) r[3]));
        }
        return faults;
    }

    /** People in the directory (not disabled). */
    public long active() {
        return ((Number) em.createNativeQuery("select count(*) from directory_person where disabled_at is null")
                .getSingleResult()).longValue();
    }

    /** People the import {@code run} named. */
    public long seenBy(long run) {
        return ((Number) em.createNativeQuery("select count(*) from directory_person where seen_import = ?1")
                .setParameter(1, run).getSingleResult()).longValue();
    }

    /** People in the directory that the import {@code run} did not name. */
    public long absentFrom(long run) {
        return ((Number) em.createNativeQuery("select count(*) from directory_person where disabled_at is null"
                + " and seen_import <> ?1").setParameter(1, run).getSingleResult()).longValue();
    }

    /** Disables the people the import {@code run} did not name; how many. */
    public int disableAbsentFrom(long run) {
        return em.createNativeQuery("update directory_person set disabled_at = now(), updated_at = now()"
                + " where disabled_at is null and seen_import <> ?1").setParameter(1, run).executeUpdate();
    }

    /**
     * The people not disabled whose folded text contains every one of {@code words} (folded), by name, at most
     * {@code limit}.
     */
    @SuppressWarnings("unchecked")
    public List<DirectoryEntry> search(List<String> words, int limit) {
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS).append(" from directory_person p join")
                .append(" establishment e on e.uai = p.establishment_uai where p.disabled_at is null");
        for (int i = 1; i <= words.size(); i++) {
            sql.append(" and p.search_text like ?").append(i);
        }
        sql.append(" order by p.last_name, p.first_name, p.id limit ").append(Math.max(1, limit));
        Query q = em.createNativeQuery(sql.toString());
        for (int i = 0; i < words.size(); i++) {
            q.setParameter(i + 1, "%" + words.get(i).replace("\\", "").replace("%", "").replace("_", "") + "%");
        }
        return ((List<Object[]>) q.getResultList()).stream().map(DirectoryRows::entry).toList();
    }

    /** Everyone in the directory (not disabled), by id: the read-only address book of CardDAV (docs/adr/0102). */
    @SuppressWarnings("unchecked")
    public List<DirectoryEntry> everyone() {
        return ((List<Object[]>) em.createNativeQuery("select " + COLUMNS + " from directory_person p join"
                + " establishment e on e.uai = p.establishment_uai where p.disabled_at is null order by p.id")
                .getResultList()).stream().map(DirectoryRows::entry).toList();
    }

    /** The person {@code id}, when in the directory (not disabled). */
    @SuppressWarnings("unchecked")
    public Optional<DirectoryEntry> person(long id) {
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from directory_person p join"
                + " establishment e on e.uai = p.establishment_uai where p.id = ?1 and p.disabled_at is null")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(DirectoryRows::entry);
    }

    /** The establishment {@code uai} without its people: {@code uai, name, kind, town, circonscription}. */
    @SuppressWarnings("unchecked")
    public Optional<Object[]> establishment(String uai) {
        List<Object[]> rows = em.createNativeQuery("select uai, name, kind, town, circonscription from establishment"
                + " where uai = ?1").setParameter(1, uai).getResultList();
        return rows.stream().findFirst();
    }

    /** The people of the establishment (not disabled), by function then name, at most {@code limit}. */
    @SuppressWarnings("unchecked")
    public List<DirectoryEntry> staffOf(String uai, int limit) {
        return ((List<Object[]>) em.createNativeQuery("select " + COLUMNS + " from directory_person p join"
                + " establishment e on e.uai = p.establishment_uai where p.establishment_uai = ?1"
                + " and p.disabled_at is null order by p.function_code, p.last_name, p.first_name, p.id limit ?2")
                .setParameter(1, uai).setParameter(2, limit).getResultList()).stream().map(DirectoryRows::entry)
                .toList();
    }

    /** The functional mailboxes of the establishment (enabled accounts of class {@code fonctionnelle}), by name. */
    @SuppressWarnings("unchecked")
    public List<EstablishmentCard.Mailbox> functionalMailboxes(String uai) {
        return ((List<Object[]>) em.createNativeQuery("select address, display_name from account where enabled"
                + " and quota_class = 'fonctionnelle' and establishment_uai = ?1 order by display_name, address")
                .setParameter(1, uai).getResultList()).stream()
                .map(r -> new EstablishmentCard.Mailbox((String) r[0], (String) r[1])).toList();
    }

    /** The person linked to account {@code accountId}, if any (enabled or not). */
    public Optional<Long> personOfAccount(long accountId) {
        return em.createNativeQuery("select id from directory_person where account_id = ?1 order by id limit 1")
                .setParameter(1, accountId).getResultList().stream().findFirst()
                .map(id -> ((Number) id).longValue());
    }

    /** Whether the personal phone of person {@code id} is shown to colleagues. */
    public void showPersonalPhone(long id, boolean shown) {
        em.createNativeQuery("update directory_person set personal_phone_shown = ?2 where id = ?1")
                .setParameter(1, id).setParameter(2, shown).executeUpdate();
    }

    private static DirectoryEntry entry(Object[] r) {
        return new DirectoryEntry(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                StaffFunction.of((String) r[3]).orElse(StaffFunction.ADM), (String) r[4], (String) r[5],
                (String) r[6], (String) r[7], (String) r[8], (String) r[9], (String) r[10], (String) r[11],
                (String) r[12], Boolean.TRUE.equals(r[13]), r[14] == null ? null : ((Number) r[14]).longValue());
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
