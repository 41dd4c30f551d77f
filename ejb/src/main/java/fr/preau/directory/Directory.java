package fr.preau.directory;

import java.util.List;
import java.util.Optional;

import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MailboxContext;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.SearchText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The academy directory as staff use it ("Annuaire", DIR-1): search by a few letters of a name, a function, a
 * discipline, an establishment or a town, across the academy, accents and case ignored; a person's card; an
 * establishment's card with its functional mailboxes and its staff. Every
 * signed-in user may search; the personal phone of a person is shown only when that person chose to show it, and
 * each person sets that for their own entry only.
 */
@Stateless
@RolesAllowed("user")
public class Directory {
    /** Results of one search at most (the page says to type more beyond that). */
    public static final int LIMIT = 50;
    /** People of one establishment's card at most (a large lycée has about 250 staff). */
    public static final int STAFF_LIMIT = 500;
    /** Characters typed at most. */
    static final int MAX_TYPED = 100;

    @Inject
    private DirectoryRows rows;

    @EJB
    private MailboxAccess access;

    /**
     * The people whose entry contains every word typed, by name, at most {@link #LIMIT}; none when nothing is typed.
     *
     * @throws InvalidInputException (field {@code q}) more than 100 characters typed
     */
    public List<DirectoryEntry> search(String typed) {
        if (typed != null && typed.length() > MAX_TYPED) {
            throw new InvalidInputException("q", "directory.search.tooLong", String.valueOf(MAX_TYPED));
        }
        List<String> words = SearchText.words(typed);
        if (words.isEmpty()) {
            return List.of();
        }
        return rows.search(words, LIMIT).stream().map(DirectoryEntry::seenByColleagues).toList();
    }

    /**
     * The card of person {@code id}.
     *
     * @throws NotFoundException no such person in the directory (or one who left)
     */
    public DirectoryEntry card(long id) {
        DirectoryEntry entry = rows.person(id)
                .orElseThrow(() -> new NotFoundException("directory.card.gone", String.valueOf(id)));
        Optional<Long> mine = own();
        return mine.isPresent() && mine.get() == id ? entry : entry.seenByColleagues();
    }

    /**
     * The card of the establishment {@code uai}: what HR says of it, its functional mailboxes and its staff (at most
     * {@link #STAFF_LIMIT}, by function then name).
     *
     * @throws NotFoundException no such establishment
     */
    public EstablishmentCard establishment(String uai) {
        String code = uai == null ? "" : uai.strip().toUpperCase(java.util.Locale.ROOT);
        Object[] e = rows.establishment(code)
                .orElseThrow(() -> new NotFoundException("directory.establishment.gone", code));
        return new EstablishmentCard((String) e[0], (String) e[1], (String) e[2], (String) e[3], (String) e[4],
                rows.functionalMailboxes(code), rows.staffOf(code, STAFF_LIMIT).stream()
                        .map(DirectoryEntry::seenByColleagues).toList());
    }

    /** The signed-in user's own entry, with their personal phone, if the HR feed names them. */
    public Optional<DirectoryEntry> mine() {
        return own().flatMap(rows::person);
    }

    /**
     * Shows or hides the signed-in user's personal phone in the directory.
     *
     * @throws NotFoundException the user has no entry in the directory
     */
    public void showMyPersonalPhone(boolean shown) {
        long id = own().orElseThrow(() -> new NotFoundException("directory.mine.none", null));
        rows.showPersonalPhone(id, shown);
    }

    private Optional<Long> own() {
        MailboxContext me = access.own();
        return rows.personOfAccount(me.ownerAccountId());
    }
}
