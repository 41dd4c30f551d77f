package fr.preau.contacts.carddav;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import fr.preau.account.Account;
import fr.preau.account.AccountService;
import fr.preau.contacts.AddressBook;
import fr.preau.contacts.ContactCards;
import fr.preau.contacts.ContactDraft;
import fr.preau.contacts.ContactRows;
import fr.preau.contacts.ContactRules;
import fr.preau.dav.Dav;
import fr.preau.dav.DavRefusal;
import fr.preau.dav.Preconditions;
import fr.preau.dav.SyncToken;
import fr.preau.directory.DirectoryEntry;
import fr.preau.directory.DirectoryRows;
import fr.preau.identity.MailClientPasswords;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The books a CardDAV client sees (issue 12, item 5; docs/adr/0102): the account's own address book ("Contacts",
 * read-write), the academy directory and the directory of the account's establishment (read-only). No container
 * sign-in is behind a DAV request, so every method checks the request's credentials itself, exactly as IMAP and
 * submission do ({@link MailClientPasswords}: the account's password or an app password), and serves only the books
 * of that account: a path naming another account gets the same 404 as a path that does not exist
 * ({@link DavRefusal#notFound()}), and changes nothing.
 */
@Stateless
@PermitAll
@ServiceBoundary
public class CardDavBooks {
    /** The personal address book's name in the home. */
    public static final String CONTACTS = "contacts";
    /** The academy directory's name in the home. */
    public static final String DIRECTORY = "annuaire";
    /** The name in the home of the directory of the caller's establishment (when the account has one). */
    public static final String ESTABLISHMENT = "etablissement";
    /** Above this many names, a multiget reads the whole book once rather than card by card. */
    private static final int MANY = 20;
    private static final String DIRECTORY_NAME = "Annuaire de l'académie";
    /** Dovecot's service name for the DAV door (its log, a passdb that would tell the doors apart). */
    static final String SERVICE = "dav";
    private static final Logger LOG = Logger.getLogger(CardDavBooks.class.getName());

    @Inject
    private MailClientPasswords passwords;

    @EJB
    private AccountService accounts;

    @Inject
    private ContactRows rows;

    @Inject
    private DirectoryRows people;

    /**
     * The account these credentials open.
     *
     * @throws DavRefusal 401 no such login, a wrong password, or a password Dovecot refuses to mail clients
     */
    public DavAccount signIn(DavLogin login) {
        Optional<String> user = login == null ? Optional.empty()
                : passwords.check(SERVICE, login.login(), login.password(), login.clientAddress());
        Optional<Account> account = user.flatMap(accounts::findEnabled);
        if (account.isEmpty()) {
            LOG.info("DAV sign-in refused for " + login);
            throw new DavRefusal(401, null, "dav.signIn");
        }
        Account a = account.get();
        return new DavAccount(a.getId(), a.getAddress(), a.getDisplayName(), a.getEstablishmentUai());
    }

    /**
     * The account {@code owner} and its books, without their cards: "Contacts", the academy directory and, for an
     * account of an establishment, the directory of that establishment.
     *
     * @throws DavRefusal 401 see {@link #signIn}; 404 not the caller's account
     */
    public DavShelf shelf(DavLogin login, long owner) {
        DavAccount me = owned(login, owner);
        List<DavBook> books = new ArrayList<>(List.of(
                new DavBook(CONTACTS, "Contacts", true, SyncToken.of(CONTACTS, rows.token(me.id())), List.of()),
                new DavBook(DIRECTORY, DIRECTORY_NAME, false, null, List.of())));
        if (me.establishment() != null) {
            books.add(new DavBook(ESTABLISHMENT, establishmentName(me), false, null, List.of()));
        }
        return new DavShelf(me, books);
    }

    /**
     * Book {@code book} of account {@code owner}, with its cards.
     *
     * @throws DavRefusal 401 see {@link #signIn}; 404 not the caller's account, or no such book
     */
    public DavBook book(DavLogin login, long owner, String book) {
        DavAccount me = owned(login, owner);
        if (DIRECTORY.equals(book)) {
            return new DavBook(DIRECTORY, DIRECTORY_NAME, false, null,
                    people(me, book).stream().map(DirectoryCards::card).toList());
        }
        if (ESTABLISHMENT.equals(book)) {
            return new DavBook(ESTABLISHMENT, establishmentName(me), false, null,
                    people(me, book).stream().map(DirectoryCards::card).toList());
        }
        contacts(book);
        return new DavBook(CONTACTS, "Contacts", true, SyncToken.of(CONTACTS, rows.token(me.id())),
                rows.stored(me.id()).stream().map(CardDavBooks::card).toList());
    }

    /**
     * The cards of these names in book {@code book} of {@code owner} (those that do not exist are left out).
     *
     * @throws DavRefusal see {@link #book}
     */
    public List<DavCard> cards(DavLogin login, long owner, String book, Collection<String> names) {
        DavAccount me = owned(login, owner);
        Set<String> wanted = new LinkedHashSet<>(names);
        List<DavCard> found = new ArrayList<>();
        if (readOnly(book)) {
            if (wanted.size() > MANY) {
                return people(me, book).stream().map(DirectoryCards::card).filter(c -> wanted.contains(c.name()))
                        .toList();
            }
            for (String name : wanted) {
                long id = DirectoryCards.person(name);
                if (id >= 0) {
                    people.person(id).filter(p -> DIRECTORY.equals(book) || p.uai().equals(me.establishment()))
                            .map(DirectoryCards::card).ifPresent(found::add);
                }
            }
            return found;
        }
        contacts(book);
        if (wanted.size() > MANY) {
            return rows.stored(me.id()).stream().filter(s -> wanted.contains(s.name())).map(CardDavBooks::card)
                    .toList();
        }
        for (String name : wanted) {
            rows.storedNamed(me.id(), name).map(CardDavBooks::card).ifPresent(found::add);
        }
        return found;
    }

    /**
     * What changed in the personal book of {@code owner} since {@code token} (RFC 6578): cards changed or added, the
     * names of those deleted, the new token. The directory offers no sync-collection.
     *
     * @throws DavRefusal see {@link #book}; 403 {@code DAV:valid-sync-token} a token that is not one of this book's;
     *     403 {@code DAV:supported-report} on the directory
     */
    public DavChanges changes(DavLogin login, long owner, String book, String token) {
        long me = owned(login, owner).id();
        if (readOnly(book)) {
            throw new DavRefusal(403, Dav.dav("supported-report"), "dav.report");
        }
        contacts(book);
        long current = rows.token(me);
        long since = SyncToken.counter(token, CONTACTS, current);
        List<DavCard> changed = rows.storedSince(me, since).stream().map(CardDavBooks::card).toList();
        Set<String> alive = new LinkedHashSet<>(changed.stream().map(DavCard::name).toList());
        List<String> removed = since == 0 ? List.of()
                : rows.deletedSince(me, since).stream().filter(n -> !alive.contains(n)).distinct().toList();
        return new DavChanges(SyncToken.of(CONTACTS, current), changed, removed);
    }

    /**
     * Creates or replaces card {@code name} of the personal book with the vCard a client sent, after its
     * preconditions: {@code If-Match} (the ETag it read) and {@code If-None-Match: *} (create only). The card is
     * stored as sent, so that what the portal does not model is kept; its fields become the contact's, its
     * CATEGORIES its groups (created when missing).
     *
     * @throws DavRefusal see {@link #book}; 403 the directory (read-only) or a name that is not {@code *.vcf};
     *     412 a precondition fails; 409 {@code no-uid-conflict} another card of the book has that UID, or the UID of
     *     an existing card changes
     * @throws InvalidInputException not one vCard, or fields {@link ContactRules#check} refuses: nothing changes
     */
    public DavWrite put(DavLogin login, long owner, String book, String name, String text, String ifMatch,
            String ifNoneMatch) {
        long me = owned(login, owner).id();
        writable(book);
        if (name == null || !name.endsWith(".vcf") || name.length() > 255 || name.contains("/")) {
            throw new DavRefusal(403, null, "dav.name");
        }
        ContactCards.Sent sent = ContactCards.sent(text);
        ContactDraft d = ContactRules.check(sent.draft());
        long token = rows.nextToken(me);
        Optional<ContactRows.Stored> current = rows.storedNamed(me, name);
        Preconditions.check(ifMatch, ifNoneMatch, current.map(CardDavBooks::etag).orElse(null));
        String uid = d.uid();
        String stored = text;
        if (uid == null || uid.isBlank() || uid.length() > 255) {
            uid = current.map(ContactRows.Stored::uid).orElseGet(() -> UUID.randomUUID().toString());
            VCard card = Ezvcard.parse(text).first();
            card.setUid(new ezvcard.property.Uid(uid));
            stored = Ezvcard.write(card).version(card.getVersion() == null ? VCardVersion.V4_0 : card.getVersion())
                    .prodId(false).go();
        }
        long id;
        if (current.isPresent()) {
            if (!uid.equals(current.get().uid())) {
                throw new DavRefusal(409, Dav.NO_UID_CONFLICT, "dav.uidChanged");
            }
            id = current.get().id();
            rows.update(me, id, d, stored, AddressBook.searchText(d), token);
        } else {
            if (rows.liveUid(me, uid)) {
                throw new DavRefusal(409, Dav.NO_UID_CONFLICT, "dav.uidTaken");
            }
            rows.forgetDeleted(me, uid);
            id = rows.insert(me, uid, d, stored, AddressBook.searchText(d), token);
            if (!name.equals(uid + ".vcf")) {
                rows.name(me, id, name);
            }
        }
        List<Long> groups = sent.groups().stream().map(g -> rows.groupByName(me, g)
                .orElseGet(() -> rows.insertGroup(me, UUID.randomUUID().toString(), g))).toList();
        rows.setGroups(id, groups);
        ContactRows.Stored now = rows.storedNamed(me, name).orElseThrow(DavRefusal::notFound);
        return new DavWrite(current.isEmpty(), stored.equals(text) ? etag(now) : null);
    }

    /**
     * Deletes card {@code name} of the personal book, after its preconditions.
     *
     * @throws DavRefusal see {@link #put}; 404 no such card
     */
    public void delete(DavLogin login, long owner, String book, String name, String ifMatch, String ifNoneMatch) {
        long me = owned(login, owner).id();
        writable(book);
        long token = rows.nextToken(me);
        ContactRows.Stored current = rows.storedNamed(me, name).orElseThrow(DavRefusal::notFound);
        Preconditions.check(ifMatch, ifNoneMatch, etag(current));
        rows.delete(me, current.id(), token);
    }

    private DavAccount owned(DavLogin login, long owner) {
        DavAccount me = signIn(login);
        if (me.id() != owner) {
            LOG.info("DAV: " + me.address() + " asked for the books of account " + owner + ": 404");
            throw DavRefusal.notFound();
        }
        return me;
    }

    /** The people of a read-only book: the whole directory, or the staff of the caller's establishment. */
    private List<DirectoryEntry> people(DavAccount me, String book) {
        if (DIRECTORY.equals(book)) {
            return people.everyone();
        }
        if (me.establishment() == null) {
            throw DavRefusal.notFound();
        }
        return people.staffOf(me.establishment(), Integer.MAX_VALUE);
    }

    private String establishmentName(DavAccount me) {
        return "Annuaire — " + people.establishment(me.establishment()).map(e -> (String) e[1])
                .orElse(me.establishment());
    }

    private static boolean readOnly(String book) {
        return DIRECTORY.equals(book) || ESTABLISHMENT.equals(book);
    }

    private static void contacts(String book) {
        if (!CONTACTS.equals(book)) {
            throw DavRefusal.notFound();
        }
    }

    private static void writable(String book) {
        if (readOnly(book)) {
            throw new DavRefusal(403, Dav.dav("need-privileges"), "dav.readOnly");
        }
        contacts(book);
    }

    private static DavCard card(ContactRows.Stored s) {
        return new DavCard(s.name(), etag(s), s.vcard());
    }

    /** Unique in the book across deletions and creations: the row id, then the revision. */
    private static String etag(ContactRows.Stored s) {
        return "\"" + s.id() + "-" + s.revision() + "\"";
    }
}
