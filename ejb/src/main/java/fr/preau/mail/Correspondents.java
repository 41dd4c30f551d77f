package fr.preau.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.preau.mail.Suggestion.Kind;
import fr.preau.shared.SearchText;
import fr.preau.shared.ServiceBoundary;
import fr.preau.shared.SqlTimes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * What the recipient fields suggest (issue 12, item 6): the caller's own contacts (address book, accents and case
 * ignored, every word typed matched), their contact groups (all members at once), the distribution lists they may
 * write to (by address or name), their recent correspondents
 * (table {@code recent_correspondent}, fed by each message they send), the enabled accounts of the academy and the
 * people of the directory (accents and case ignored); ranked by use ({@link Suggestion#ranked}): the addresses the
 * caller writes to most often first, then by source in that order.
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
public class Correspondents {
    /** Suggestions returned at most. */
    public static final int MAX = 10;

    /** Addresses a group suggestion adds at most (a larger group is a case for a distribution list). */
    public static final int MAX_GROUP = 200;

    @Inject
    private CorrespondentRows rows;

    @EJB
    private MailboxAccess access;

    /** Suggestions for what was typed (2 characters at least): people, groups and lists, ranked by use. */
    public List<Suggestion> suggest(String text) {
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (q.length() < 2) {
            return List.of();
        }
        String like = "%" + q.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        List<String> words = SearchText.words(text);
        MailboxContext me = access.own();
        long account = me.ownerAccountId();
        List<Suggestion> found = new ArrayList<>();
        if (!words.isEmpty()) {
            found.addAll(people(Kind.CONTACT, rows.contacts(account, words, MAX)));
            found.addAll(groups(account, words));
        }
        found.addAll(people(Kind.LIST, rows.lists(account, like, MAX)));
        found.addAll(people(Kind.RECENT, rows.recent(me.owner().address(), like, MAX)));
        found.addAll(people(Kind.ACCOUNT, rows.accounts(like, MAX)));
        if (!words.isEmpty()) {
            found.addAll(people(Kind.DIRECTORY, rows.directory(words, MAX)));
        }
        Map<String, Object[]> uses = new HashMap<>();
        for (Object row : rows.uses(account, found.stream().filter(s -> s.kind() != Kind.GROUP)
                .map(s -> s.address().address()).distinct().toList())) {
            Object[] cols = (Object[]) row;
            uses.put((String) cols[0], cols);
        }
        List<Suggestion> counted = found.stream().map(s -> {
            Object[] use = s.kind() == Kind.GROUP ? null : uses.get(s.address().address());
            return use == null ? s : s.used(((Number) use[1]).intValue(), SqlTimes.instant(use[2]));
        }).toList();
        return Suggestion.ranked(counted, MAX);
    }

    /** Remembers the recipients of a message the caller sent. */
    public void remember(List<MailAddress> recipients) {
        String owner = access.own().owner().address();
        for (MailAddress a : recipients) {
            rows.used(owner, a);
        }
    }

    private List<Suggestion> groups(long account, List<String> words) {
        List<Suggestion> found = new ArrayList<>();
        for (Object row : rows.groups(account)) {
            Object[] cols = (Object[]) row;
            String name = (String) cols[1];
            String folded = SearchText.fold(name);
            if (words.stream().allMatch(folded::contains)) {
                List<MailAddress> members = addresses(rows.groupMembers(account, ((Number) cols[0]).longValue(),
                        MAX_GROUP));
                if (!members.isEmpty()) {
                    found.add(new Suggestion(Kind.GROUP, name, members, 0, null));
                }
            }
        }
        return found;
    }

    private static List<Suggestion> people(Kind kind, List<?> rows) {
        return addresses(rows).stream().map(a -> Suggestion.of(kind, a)).toList();
    }

    private static List<MailAddress> addresses(List<?> rows) {
        List<MailAddress> found = new ArrayList<>();
        for (Object row : rows) {
            Object[] cols = (Object[]) row;
            String address = (String) cols[0];
            if (MailAddress.isValid(address)) {
                found.add(new MailAddress(address, (String) cols[1]));
            }
        }
        return found;
    }

}
