package fr.preau.mail.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import fr.preau.mail.HtmlBody;
import fr.preau.mail.MailboxAccess;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The caller's signatures (several, one by default, inserted in each new message) and reply templates ("modèles",
 * inserted from the editor), tables {@code mail_signature} and {@code mail_template}. Every query is limited to the
 * caller's account: an id of someone else's signature is simply not found.
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
public class SignatureService {
    static final int MAX_NAME = 100;
    static final int MAX_HTML = 100_000;
    private static final String SIGNATURE = "mail_signature";
    private static final String TEMPLATE = "mail_template";

    @PersistenceContext(unitName = "preau")
    private EntityManager em;

    @EJB
    private MailboxAccess access;

    public List<Snippet> signatures() {
        return list(SIGNATURE, "is_default");
    }

    public List<Snippet> templates() {
        return list(TEMPLATE, "false");
    }

    /** The signature inserted in a new message, if the caller chose one. */
    public Optional<Snippet> defaultSignature() {
        return signatures().stream().filter(Snippet::byDefault).findFirst();
    }

    /**
     * Creates ({@code id} null) or changes a signature; {@code byDefault} makes it the default one (the previous
     * default is no longer).
     */
    public Snippet saveSignature(Long id, String name, String html, boolean byDefault) {
        String n = checkName(name);
        String body = checkBody(html);
        long account = accountId();
        if (byDefault) {
            em.createNativeQuery("update mail_signature set is_default = false where account_id = ?1")
                    .setParameter(1, account).executeUpdate();
        }
        long saved = save(SIGNATURE, id, account, n, body);
        em.createNativeQuery("update mail_signature set is_default = ?1 where id = ?2")
                .setParameter(1, byDefault).setParameter(2, saved).executeUpdate();
        return new Snippet(saved, n, body, byDefault);
    }

    public Snippet saveTemplate(Long id, String name, String html) {
        String n = checkName(name);
        String body = checkBody(html);
        return new Snippet(save(TEMPLATE, id, accountId(), n, body), n, body, false);
    }

    public void deleteSignature(long id) {
        delete(SIGNATURE, id);
    }

    public void deleteTemplate(long id) {
        delete(TEMPLATE, id);
    }

    private long save(String table, Long id, long account, String name, String body) {
        List<?> clash = em.createNativeQuery("select id from " + table + " where account_id = ?1 and name = ?2"
                + " and id <> ?3").setParameter(1, account).setParameter(2, name)
                .setParameter(3, id == null ? -1L : id).getResultList();
        if (!clash.isEmpty()) {
            throw new InvalidInputException("name", "compose.error.name.taken", name);
        }
        if (id == null) {
            Number created = (Number) em.createNativeQuery("insert into " + table
                    + " (account_id, name, body_html) values (?1, ?2, ?3) returning id")
                    .setParameter(1, account).setParameter(2, name).setParameter(3, body).getSingleResult();
            return created.longValue();
        }
        int changed = em.createNativeQuery("update " + table + " set name = ?1, body_html = ?2"
                + " where id = ?3 and account_id = ?4").setParameter(1, name).setParameter(2, body)
                .setParameter(3, id).setParameter(4, account).executeUpdate();
        if (changed == 0) {
            throw new NotFoundException("compose.error.snippetGone", String.valueOf(id));
        }
        return id;
    }

    private void delete(String table, long id) {
        em.createNativeQuery("delete from " + table + " where id = ?1 and account_id = ?2")
                .setParameter(1, id).setParameter(2, accountId()).executeUpdate();
    }

    private List<Snippet> list(String table, String defaultColumn) {
        List<Snippet> result = new ArrayList<>();
        for (Object row : em.createNativeQuery("select id, name, body_html, " + defaultColumn + " from " + table
                + " where account_id = ?1 order by lower(name)").setParameter(1, accountId()).getResultList()) {
            Object[] c = (Object[]) row;
            result.add(new Snippet(((Number) c[0]).longValue(), (String) c[1], (String) c[2],
                    Boolean.TRUE.equals(c[3])));
        }
        return result;
    }

    private static String checkName(String name) {
        String n = name == null ? "" : name.replaceAll("\\p{Cntrl}", " ").strip();
        if (n.isEmpty()) {
            throw new InvalidInputException("name", "compose.error.name.empty", null);
        }
        if (n.length() > MAX_NAME) {
            throw new InvalidInputException("name", "compose.error.name.long", String.valueOf(MAX_NAME));
        }
        return n;
    }

    private static String checkBody(String html) {
        String body = HtmlBody.sanitize(html);
        if (body.length() > MAX_HTML) {
            throw new InvalidInputException("body", "compose.error.snippet.long", null);
        }
        return body;
    }

    private long accountId() {
        return access.own().ownerAccountId();
    }
}
