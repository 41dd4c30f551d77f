package fr.preau.contacts;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import fr.preau.shared.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

/**
 * The address book's rows (migration V135): {@code contact_book}, {@code contact}, {@code contact_value},
 * {@code contact_group}, {@code contact_group_member}, {@code contact_deleted}. Every statement names the account,
 * so a row of another book is never read nor written; {@link AddressBook} decides whose book it is.
 */
@ApplicationScoped
@Repository
public class ContactRows {
    private static final String COLUMNS = "c.id, c.uid, c.revision, c.first_name, c.last_name, c.organisation,"
            + " c.job_title, c.postal_address, c.note";

    /**
     * French order (accents after their letter, case ignored): the database's collation may put "Équipe" after
     * "Zoé".
     */
    private static final Comparator<String> FRENCH = Comparator.nullsLast(frenchCollator());

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    private static Comparator<String> frenchCollator() {
        Collator c = Collator.getInstance(Locale.FRENCH);
        c.setStrength(Collator.SECONDARY);
        return c::compare;
    }

    /** One more change in the book of {@code account} (made if missing): the new sync token. */
    public long nextToken(long account) {
        return ((Number) em.createNativeQuery("insert into contact_book as b (account_id, sync_token) values (?1, 1)"
                + " on conflict (account_id) do update set sync_token = b.sync_token + 1 returning sync_token")
                .setParameter(1, account).getSingleResult()).longValue();
    }

    /** The book's sync token (0 when the account has no book yet). */
    public long token(long account) {
        List<?> r = em.createNativeQuery("select sync_token from contact_book where account_id = ?1")
                .setParameter(1, account).getResultList();
        return r.isEmpty() ? 0 : ((Number) r.get(0)).longValue();
    }

    /** Inserts a contact (its values too); its id. */
    public long insert(long account, String uid, ContactDraft d, String vcard, String searchText, long token) {
        long id = ((Number) em.createNativeQuery("insert into contact (account_id, uid, first_name, last_name,"
                + " organisation, job_title, postal_address, note, vcard, changed_token, search_text)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) returning id").setParameter(1, account)
                .setParameter(2, uid).setParameter(3, d.firstName()).setParameter(4, d.lastName())
                .setParameter(5, d.organisation()).setParameter(6, d.title()).setParameter(7, d.postalAddress())
                .setParameter(8, d.note()).setParameter(9, vcard).setParameter(10, token).setParameter(11, searchText)
                .getSingleResult()).longValue();
        values(account, id, d);
        return id;
    }

    /** Replaces the fields of contact {@code id} of the book; false when the book has no such contact. */
    public boolean update(long account, long id, ContactDraft d, String vcard, String searchText, long token) {
        int n = em.createNativeQuery("update contact set first_name = ?3, last_name = ?4, organisation = ?5,"
                + " job_title = ?6, postal_address = ?7, note = ?8, vcard = ?9, changed_token = ?10,"
                + " search_text = ?11, revision = revision + 1, updated_at = now() where id = ?1 and account_id = ?2")
                .setParameter(1, id).setParameter(2, account).setParameter(3, d.firstName())
                .setParameter(4, d.lastName()).setParameter(5, d.organisation()).setParameter(6, d.title())
                .setParameter(7, d.postalAddress()).setParameter(8, d.note()).setParameter(9, vcard)
                .setParameter(10, token).setParameter(11, searchText).executeUpdate();
        if (n == 0) {
            return false;
        }
        em.createNativeQuery("delete from contact_value where contact_id = ?1").setParameter(1, id).executeUpdate();
        values(account, id, d);
        return true;
    }

    /** Stamps contact {@code id} changed (its groups changed): a new revision and the token. */
    public void touch(long account, long id, String vcard, long token) {
        em.createNativeQuery("update contact set vcard = ?3, changed_token = ?4, revision = revision + 1,"
                + " updated_at = now() where id = ?1 and account_id = ?2").setParameter(1, id).setParameter(2, account)
                .setParameter(3, vcard).setParameter(4, token).executeUpdate();
    }

    /** Deletes contact {@code id} of the book, remembering its uid for sync; false when there is no such contact. */
    public boolean delete(long account, long id, long token) {
        @SuppressWarnings("unchecked")
        List<Object[]> gone = em.createNativeQuery("delete from contact where id = ?1 and account_id = ?2"
                + " returning uid, dav_name").setParameter(1, id).setParameter(2, account).getResultList();
        if (gone.isEmpty()) {
            return false;
        }
        em.createNativeQuery("insert into contact_deleted (account_id, uid, changed_token, dav_name)"
                + " values (?1, ?2, ?3, ?4) on conflict (account_id, uid) do update set"
                + " changed_token = excluded.changed_token, dav_name = excluded.dav_name, deleted_at = now()")
                .setParameter(1, account).setParameter(2, gone.get(0)[0]).setParameter(3, token)
                .setParameter(4, gone.get(0)[1]).executeUpdate();
        return true;
    }

    /**
     * A contact as CardDAV serves it: its name in the book ({@code dav_name}, else the uid followed by ".vcf"), its
     * revision and the card as stored.
     */
    public record Stored(long id, String uid, String name, long revision, String vcard) {
    }

    private static final String STORED = "select id, uid, coalesce(dav_name, uid || '.vcf'), revision, vcard"
            + " from contact where account_id = ?1";

    /** The contacts of the book as CardDAV serves them, by id. */
    public List<Stored> stored(long account) {
        return stored(em.createNativeQuery(STORED + " order by id").setParameter(1, account));
    }

    /** The contact of that name in the book, if any. */
    public Optional<Stored> storedNamed(long account, String name) {
        return stored(em.createNativeQuery(STORED + " and coalesce(dav_name, uid || '.vcf') = ?2")
                .setParameter(1, account).setParameter(2, name)).stream().findFirst();
    }

    /** The contacts of the book changed after token {@code since}. */
    public List<Stored> storedSince(long account, long since) {
        return stored(em.createNativeQuery(STORED + " and changed_token > ?2 order by id").setParameter(1, account)
                .setParameter(2, since));
    }

    /** The names of the contacts deleted from the book after token {@code since}. */
    @SuppressWarnings("unchecked")
    public List<String> deletedSince(long account, long since) {
        return em.createNativeQuery("select coalesce(dav_name, uid || '.vcf') from contact_deleted"
                + " where account_id = ?1 and changed_token > ?2 order by changed_token").setParameter(1, account)
                .setParameter(2, since).getResultList();
    }

    /** The card stored for contact {@code id} of the book, or null. */
    public String vcard(long account, long id) {
        List<?> r = em.createNativeQuery("select vcard from contact where id = ?1 and account_id = ?2")
                .setParameter(1, id).setParameter(2, account).getResultList();
        return r.isEmpty() ? null : (String) r.get(0);
    }

    /** Whether a contact alive in the book has that uid. */
    public boolean liveUid(long account, String uid) {
        return !em.createNativeQuery("select 1 from contact where account_id = ?1 and uid = ?2")
                .setParameter(1, account).setParameter(2, uid).getResultList().isEmpty();
    }

    /** Forgets a deleted uid that a client brings back: the contact is alive again under it. */
    public void forgetDeleted(long account, String uid) {
        em.createNativeQuery("delete from contact_deleted where account_id = ?1 and uid = ?2")
                .setParameter(1, account).setParameter(2, uid).executeUpdate();
    }

    /** Gives contact {@code id} of the book the name a client chose for it. */
    public void name(long account, long id, String name) {
        em.createNativeQuery("update contact set dav_name = ?3 where id = ?1 and account_id = ?2")
                .setParameter(1, id).setParameter(2, account).setParameter(3, name).executeUpdate();
    }

    /** Stores the card a client sent for contact {@code id} of the book, as sent. */
    public void storeCard(long account, long id, String vcard) {
        em.createNativeQuery("update contact set vcard = ?3 where id = ?1 and account_id = ?2")
                .setParameter(1, id).setParameter(2, account).setParameter(3, vcard).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static List<Stored> stored(Query q) {
        return ((List<Object[]>) q.getResultList()).stream().map(r -> new Stored(((Number) r[0]).longValue(),
                (String) r[1], (String) r[2], ((Number) r[3]).longValue(), (String) r[4])).toList();
    }

    /** Whether an e-mail address (lower case) is already an address of a contact of the book. */
    public boolean hasEmail(long account, String address) {
        return !em.createNativeQuery("select 1 from contact_value where account_id = ?1 and kind = 'email'"
                + " and value = ?2 limit 1").setParameter(1, account).setParameter(2, address).getResultList()
                .isEmpty();
    }

    /** The contact of the book having that address, if any. */
    public Optional<Long> byEmail(long account, String address) {
        return em.createNativeQuery("select contact_id from contact_value where account_id = ?1 and kind = 'email'"
                + " and value = ?2 order by contact_id limit 1").setParameter(1, account).setParameter(2, address)
                .getResultList().stream().findFirst().map(id -> ((Number) id).longValue());
    }

    /** Whether a contact of the book has that uid (alive or deleted: a uid is never given twice). */
    public boolean hasUid(long account, String uid) {
        return !em.createNativeQuery("select 1 from contact where account_id = ?1 and uid = ?2 union all"
                + " select 1 from contact_deleted where account_id = ?1 and uid = ?2 limit 1")
                .setParameter(1, account).setParameter(2, uid).getResultList().isEmpty();
    }

    /**
     * The contacts of the book whose folded text contains every one of {@code words}, in group {@code group} when not
     * null, by name, at most {@code limit}.
     */
    @SuppressWarnings("unchecked")
    public List<Contact> find(long account, List<String> words, Long group, int limit) {
        StringBuilder sql = new StringBuilder("select ").append(COLUMNS)
                .append(" from contact c where c.account_id = ?1");
        List<Object> params = new ArrayList<>(List.of(account));
        if (group != null) {
            params.add(group);
            sql.append(" and c.id in (select m.contact_id from contact_group_member m where m.group_id = ?")
                    .append(params.size()).append(')');
        }
        for (String w : words) {
            params.add("%" + w + "%");
            sql.append(" and c.search_text like ?").append(params.size());
        }
        sql.append(" order by lower(coalesce(c.last_name, c.first_name, '')), lower(coalesce(c.first_name, '')), c.id")
                .append(" limit ").append(Math.max(1, limit));
        Query q = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        List<Contact> found = new ArrayList<>(complete(account, (List<Object[]>) q.getResultList()));
        found.sort(Comparator.comparing((Contact c) -> c.fields().lastName() != null ? c.fields().lastName()
                : c.displayName(), FRENCH).thenComparing(c -> c.fields().firstName(), FRENCH));
        return found;
    }

    /** Contact {@code id} of the book. */
    @SuppressWarnings("unchecked")
    public Optional<Contact> one(long account, long id) {
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " from contact c where c.id = ?1"
                + " and c.account_id = ?2").setParameter(1, id).setParameter(2, account).getResultList();
        return complete(account, rows).stream().findFirst();
    }

    /** The groups of the book, by name, each with its size. */
    @SuppressWarnings("unchecked")
    public List<ContactGroup> groups(long account) {
        List<Object[]> rows = em.createNativeQuery("select g.id, g.uid, g.name, (select count(*) from"
                + " contact_group_member m where m.group_id = g.id) from contact_group g where g.account_id = ?1"
                + " order by lower(g.name), g.id").setParameter(1, account).getResultList();
        return rows.stream().map(ContactRows::group).sorted(Comparator.comparing(ContactGroup::name, FRENCH))
                .toList();
    }

    /** Whether the book has another group of that name (case ignored). */
    public boolean groupNamed(long account, String name, long except) {
        return !em.createNativeQuery("select 1 from contact_group where account_id = ?1 and lower(name) = lower(?2)"
                + " and id <> ?3").setParameter(1, account).setParameter(2, name).setParameter(3, except)
                .getResultList().isEmpty();
    }

    /** The group of the book of that name (case ignored), if any. */
    public Optional<Long> groupByName(long account, String name) {
        return em.createNativeQuery("select id from contact_group where account_id = ?1 and lower(name) = lower(?2)")
                .setParameter(1, account).setParameter(2, name).getResultList().stream().findFirst()
                .map(id -> ((Number) id).longValue());
    }

    public long insertGroup(long account, String uid, String name) {
        return ((Number) em.createNativeQuery("insert into contact_group (account_id, uid, name) values (?1, ?2, ?3)"
                + " returning id").setParameter(1, account).setParameter(2, uid).setParameter(3, name)
                .getSingleResult()).longValue();
    }

    /** False when the book has no such group. */
    public boolean renameGroup(long account, long id, String name) {
        return em.createNativeQuery("update contact_group set name = ?3 where id = ?1 and account_id = ?2")
                .setParameter(1, id).setParameter(2, account).setParameter(3, name).executeUpdate() > 0;
    }

    /** The ids of the contacts that were in the group, which is deleted; empty when the book has no such group. */
    @SuppressWarnings("unchecked")
    public Optional<List<Long>> deleteGroup(long account, long id) {
        List<Number> members = em.createNativeQuery("select m.contact_id from contact_group_member m join"
                + " contact_group g on g.id = m.group_id where g.id = ?1 and g.account_id = ?2")
                .setParameter(1, id).setParameter(2, account).getResultList();
        int n = em.createNativeQuery("delete from contact_group where id = ?1 and account_id = ?2").setParameter(1, id)
                .setParameter(2, account).executeUpdate();
        return n == 0 ? Optional.empty() : Optional.of(members.stream().map(Number::longValue).toList());
    }

    /** How many of these group ids are groups of the book. */
    public int ownGroups(long account, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return ((Number) em.createNativeQuery("select count(*) from contact_group where account_id = ?1"
                + " and id = any(cast(?2 as bigint[]))").setParameter(1, account).setParameter(2, array(ids))
                .getSingleResult()).intValue();
    }

    /** Puts contact {@code id} (of the book, checked by the caller) in exactly these groups (of the book). */
    public void setGroups(long id, Collection<Long> groups) {
        em.createNativeQuery("delete from contact_group_member where contact_id = ?1").setParameter(1, id)
                .executeUpdate();
        for (Long g : groups) {
            em.createNativeQuery("insert into contact_group_member (group_id, contact_id) values (?1, ?2)")
                    .setParameter(1, g).setParameter(2, id).executeUpdate();
        }
    }

    private void values(long account, long id, ContactDraft d) {
        insertValues(account, id, "email", d.emails());
        insertValues(account, id, "tel", d.phones());
    }

    private void insertValues(long account, long id, String kind, List<ContactValue> values) {
        for (int i = 0; i < values.size(); i++) {
            em.createNativeQuery("insert into contact_value (contact_id, account_id, kind, position, value, type)"
                    + " values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, id).setParameter(2, account)
                    .setParameter(3, kind).setParameter(4, i).setParameter(5, values.get(i).value())
                    .setParameter(6, values.get(i).type()).executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Contact> complete(long account, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Object[]> byId = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byId.put(((Number) r[0]).longValue(), r);
        }
        String ids = array(byId.keySet());
        Map<Long, List<ContactValue>> emails = new LinkedHashMap<>();
        Map<Long, List<ContactValue>> phones = new LinkedHashMap<>();
        for (Object[] v : (List<Object[]>) em.createNativeQuery("select contact_id, kind, value, type from"
                + " contact_value where contact_id = any(cast(?1 as bigint[])) order by contact_id, kind, position")
                .setParameter(1, ids).getResultList()) {
            long id = ((Number) v[0]).longValue();
            ("email".equals(v[1]) ? emails : phones).computeIfAbsent(id, k -> new ArrayList<>())
                    .add(new ContactValue((String) v[2], (String) v[3]));
        }
        Map<Long, List<ContactGroup>> groups = new LinkedHashMap<>();
        for (Object[] g : (List<Object[]>) em.createNativeQuery("select m.contact_id, g.id, g.uid, g.name, 0 from"
                + " contact_group_member m join contact_group g on g.id = m.group_id where g.account_id = ?2"
                + " and m.contact_id = any(cast(?1 as bigint[])) order by lower(g.name)").setParameter(1, ids)
                .setParameter(2, account).getResultList()) {
            groups.computeIfAbsent(((Number) g[0]).longValue(), k -> new ArrayList<>())
                    .add(group(new Object[] {g[1], g[2], g[3], g[4]}));
        }
        List<Contact> contacts = new ArrayList<>();
        for (Map.Entry<Long, Object[]> e : byId.entrySet()) {
            Object[] r = e.getValue();
            long id = e.getKey();
            ContactDraft d = new ContactDraft((String) r[3], (String) r[4], emails.get(id), phones.get(id),
                    (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[1]);
            List<ContactGroup> in = new ArrayList<>(groups.getOrDefault(id, List.of()));
            in.sort(Comparator.comparing(ContactGroup::name, FRENCH));
            contacts.add(new Contact(id, (String) r[1], ((Number) r[2]).longValue(), d, in));
        }
        return contacts;
    }

    private static ContactGroup group(Object[] r) {
        return new ContactGroup(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                ((Number) r[3]).intValue());
    }

    private static String array(Collection<Long> ids) {
        StringBuilder s = new StringBuilder("{");
        for (Long id : ids) {
            s.append(s.length() > 1 ? "," : "").append(id);
        }
        return s.append('}').toString();
    }
}
