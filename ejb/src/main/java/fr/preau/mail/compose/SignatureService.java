package fr.preau.mail.compose;

import java.util.List;
import java.util.Optional;

import fr.preau.mail.HtmlBody;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.compose.SignatureStore.Kind;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The caller's signatures (several, one by default, inserted in each new message) and reply templates ("modèles",
 * inserted from the editor), kept by {@link SignatureStore}. Every statement is limited to the caller's account: an
 * id of someone else's signature is simply not found.
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
public class SignatureService {
    static final int MAX_NAME = 100;
    static final int MAX_HTML = 100_000;

    @Inject
    private SignatureStore store;

    @EJB
    private MailboxAccess access;

    public List<Snippet> signatures() {
        return store.list(Kind.SIGNATURE, accountId());
    }

    public List<Snippet> templates() {
        return store.list(Kind.TEMPLATE, accountId());
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
        long saved = save(Kind.SIGNATURE, id, account, n, body);
        store.setDefault(saved, account, byDefault);
        return new Snippet(saved, n, body, byDefault);
    }

    public Snippet saveTemplate(Long id, String name, String html) {
        String n = checkName(name);
        String body = checkBody(html);
        return new Snippet(save(Kind.TEMPLATE, id, accountId(), n, body), n, body, false);
    }

    public void deleteSignature(long id) {
        store.delete(Kind.SIGNATURE, id, accountId());
    }

    public void deleteTemplate(long id) {
        store.delete(Kind.TEMPLATE, id, accountId());
    }

    private long save(Kind kind, Long id, long account, String name, String body) {
        if (store.nameTaken(kind, account, name, id)) {
            throw new InvalidInputException("name", "compose.error.name.taken", name);
        }
        if (id == null) {
            return store.insert(kind, account, name, body);
        }
        return store.update(kind, id, account, name, body)
                .orElseThrow(() -> new NotFoundException("compose.error.snippetGone", String.valueOf(id)));
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
