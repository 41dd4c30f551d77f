package fr.preau.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.preau.shared.SearchText;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The addresses the recipient fields suggest: first the caller's own contacts (address book, accents and case
 * ignored, every word typed matched), then their recent correspondents (table {@code recent_correspondent}, fed by
 * each message they send), then the enabled accounts of the academy, then the people of the directory (accents and
 * case ignored, every word typed matched).
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
public class Correspondents {
    /** Suggestions returned at most. */
    public static final int MAX = 10;

    @Inject
    private CorrespondentRows rows;

    @EJB
    private MailboxAccess access;

    /** Addresses whose address or name contains the text (2 characters at least), contacts and recent ones first. */
    public List<MailAddress> suggest(String text) {
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (q.length() < 2) {
            return List.of();
        }
        String like = "%" + q.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        Map<String, MailAddress> found = new LinkedHashMap<>();
        List<String> words = SearchText.words(text);
        MailboxContext me = access.own();
        if (!words.isEmpty()) {
            add(found, rows.contacts(me.ownerAccountId(), words, MAX));
        }
        if (found.size() < MAX) {
            add(found, rows.recent(me.owner().address(), like, MAX));
        }
        if (found.size() < MAX) {
            add(found, rows.accounts(like, MAX));
        }
        if (found.size() < MAX && !words.isEmpty()) {
            add(found, rows.directory(words, MAX)); // a colleague of another establishment, typed without accents
        }
        return new ArrayList<>(found.values()).subList(0, Math.min(MAX, found.size()));
    }

    /** Remembers the recipients of a message the caller sent. */
    public void remember(List<MailAddress> recipients) {
        String owner = access.own().owner().address();
        for (MailAddress a : recipients) {
            rows.used(owner, a);
        }
    }

    private static void add(Map<String, MailAddress> found, List<?> rows) {
        for (Object row : rows) {
            Object[] cols = (Object[]) row;
            String address = (String) cols[0];
            if (MailAddress.isValid(address) && found.size() < MAX) {
                found.putIfAbsent(address, new MailAddress(address, (String) cols[1]));
            }
        }
    }
}
