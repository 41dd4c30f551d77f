package fr.preau.delegation;

import java.util.List;

import fr.preau.mail.MailAddress;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxContext;
import fr.preau.testing.TestEnv;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Test accounts with no delegation and no folder rights given, and the rows as stored. */
@Stateless
@PermitAll
public class DelegationFixture {
    @PersistenceContext
    private EntityManager em;

    @Inject
    private Mailbox mailbox;

    /** The address of a test user. */
    public static String address(String username) {
        return username + "@" + TestEnv.domain();
    }

    /** The accounts, made if missing, enabled (in a transaction of their own, before Dovecot looks for them). */
    public void accounts(List<String> usernames) {
        for (String u : usernames) {
            em.createNativeQuery("insert into account (username, address, display_name, quota_class, enabled)"
                    + " values (?1, ?2, ?3, 'standard', true) on conflict (username) do update set enabled = true")
                    .setParameter(1, u).setParameter(2, address(u)).setParameter(3, displayName(u)).executeUpdate();
        }
    }

    /** Puts the account in establishment {@code uai} (made if missing). */
    public void placeIn(String username, String uai) {
        em.createNativeQuery("insert into establishment (uai, name, town) values (?1, ?2, 'Lyon')"
                + " on conflict do nothing")
                .setParameter(1, uai).setParameter(2, "Collège " + uai).executeUpdate();
        em.createNativeQuery("update account set establishment_uai = ?2 where username = ?1").setParameter(1, username)
                .setParameter(2, uai).executeUpdate();
    }

    /** No delegation between the accounts (see {@link #accounts}) and no rights on each other's folders. */
    public void reset(List<String> usernames) {
        em.createNativeQuery("delete from delegation where owner_id in (select id from account where username in"
                + " (?1)) or delegate_id in (select id from account where username in (?1))")
                .setParameter(1, usernames).executeUpdate();
        for (String owner : usernames) {
            MailAddress o = new MailAddress(address(owner), displayName(owner));
            MailboxContext ctx = new MailboxContext(o, o, MailboxContext.Kind.JOB, null, null);
            for (String other : usernames) {
                if (!other.equals(owner)) {
                    mailbox.unshare(ctx, address(other));
                }
            }
        }
    }

    /** "Prénom Nom" of a test user: {@code it.deleg.titulaire} is "Titulaire Deleg". */
    public static String displayName(String username) {
        String[] parts = username.split("\\.");
        String first = parts[parts.length - 1];
        return Character.toUpperCase(first.charAt(0)) + first.substring(1) + " Deleg";
    }

    /** Moves the end of delegation {@code id} a minute into the past, as if its last day were over. */
    public void endedAMinuteAgo(long id) {
        em.createNativeQuery("update delegation set ends_at = now() - interval '1 minute' where id = ?1")
                .setParameter(1, id).executeUpdate();
    }

    /** The stored status of delegation {@code id}, and who closed it. */
    public Object[] status(long id) {
        return (Object[]) em.createNativeQuery("select status, closed_by, mail_access from delegation where id = ?1")
                .setParameter(1, id).getSingleResult();
    }

    /** Audit entries of {@code action} by {@code actor} (null: the system) about {@code owner} and delegation id. */
    public long audited(String action, String actor, String owner, long id) {
        return ((Number) em.createNativeQuery("select count(*) from audit_entry where action = ?1 and"
                + " coalesce(actor, '-') = ?2 and subject = ?3 and detail like ?4 and success")
                .setParameter(1, action).setParameter(2, actor == null ? "-" : actor).setParameter(3, owner)
                .setParameter(4, "delegation " + id + " %").getSingleResult()).longValue();
    }

    /** Audit entries of {@code action} by {@code actor} about {@code owner} whose detail contains {@code text}. */
    public long auditedWith(String action, String actor, String owner, String text) {
        return ((Number) em.createNativeQuery("select count(*) from audit_entry where action = ?1 and actor = ?2"
                + " and subject = ?3 and strpos(detail, ?4) > 0 and success").setParameter(1, action)
                .setParameter(2, actor).setParameter(3, owner).setParameter(4, text).getSingleResult()).longValue();
    }

    /** Sets an academy setting. */
    public void setting(String name, String value) {
        em.createNativeQuery("insert into academy_setting (name, value) values (?1, ?2) on conflict (name) do update"
                + " set value = excluded.value").setParameter(1, name).setParameter(2, value).executeUpdate();
    }

    /** The folders the portal lists in the mailbox of a test user (its own tree). */
    public List<String> portalFolders(String username) {
        MailAddress a = new MailAddress(address(username), displayName(username));
        return mailbox.folders(new MailboxContext(a, a, MailboxContext.Kind.USER, null, null)).stream()
                .map(f -> f.path().name()).toList();
    }
}
