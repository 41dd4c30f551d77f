package fr.preau.contacts;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import ezvcard.VCardVersion;
import fr.preau.directory.Directory;
import fr.preau.directory.DirectoryEntry;
import fr.preau.mail.MailboxAccess;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.NotFoundException;
import fr.preau.shared.SearchText;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The signed-in user's address book ("Contacts", DIR-2): contacts, groups, import and export. Every contact and
 * group belongs to one account, the caller's ({@link MailboxAccess#own()}); an id of another user's contact or
 * group gets the same {@link NotFoundException} as an id that does not exist, and changes nothing. Every change
 * bumps the book's sync token and the contact's revision (docs/adr/0100).
 */
@Stateless
@RolesAllowed("user")
@ServiceBoundary
public class AddressBook {
    /** Contacts listed at most by one search. */
    public static final int LIMIT = 500;
    static final int MAX_TYPED = 100;

    @Inject
    private ContactRows rows;

    @EJB
    private MailboxAccess access;

    @EJB
    private Directory directory;

    /**
     * The caller's contacts containing every word typed (accents and case ignored), of one group when {@code group}
     * is not null, by name; all of them (up to {@link #LIMIT}) when nothing is typed.
     *
     * @throws NotFoundException the group is not one of the caller's
     * @throws InvalidInputException (field {@code q}) more than 100 characters typed
     */
    public List<Contact> search(String typed, Long group) {
        if (typed != null && typed.length() > MAX_TYPED) {
            throw new InvalidInputException("q", "contacts.search.tooLong", String.valueOf(MAX_TYPED));
        }
        long me = me();
        if (group != null) {
            ownGroup(me, group);
        }
        List<String> words = SearchText.words(typed).stream().map(w -> w.replace("%", "").replace("_", "")).toList();
        return rows.find(me, words, group, LIMIT);
    }

    /**
     * Contact {@code id}.
     *
     * @throws NotFoundException no such contact in the caller's book
     */
    public Contact card(long id) {
        return rows.one(me(), id).orElseThrow(() -> gone(id));
    }

    /**
     * Creates a contact.
     *
     * @throws InvalidInputException see {@link ContactRules#check}; nothing is created
     */
    public Contact create(ContactDraft draft) {
        long me = me();
        ContactDraft d = ContactRules.check(draft);
        String uid = d.uid() != null && !rows.hasUid(me, d.uid()) ? d.uid() : UUID.randomUUID().toString();
        long id = rows.insert(me, uid, d, ContactCards.write(uid, d, List.of()), searchText(d), rows.nextToken(me));
        return card(id);
    }

    /**
     * Replaces the fields of contact {@code id} (its uid and groups stay).
     *
     * @throws NotFoundException no such contact in the caller's book
     * @throws InvalidInputException see {@link ContactRules#check}; nothing is changed
     */
    public Contact update(long id, ContactDraft draft) {
        long me = me();
        Contact old = card(id);
        ContactDraft d = ContactRules.check(draft);
        if (!rows.update(me, id, d, rewritten(me, old, d), searchText(d),
                rows.nextToken(me))) {
            throw gone(id);
        }
        return card(id);
    }

    /**
     * Deletes contact {@code id}.
     *
     * @throws NotFoundException no such contact in the caller's book
     */
    public void delete(long id) {
        long me = me();
        card(id);
        if (!rows.delete(me, id, rows.nextToken(me))) {
            throw gone(id);
        }
    }

    /** The caller's groups, by name. */
    public List<ContactGroup> groups() {
        return rows.groups(me());
    }

    /**
     * Creates a group.
     *
     * @throws InvalidInputException (field {@code groupName}) no name, too long, or the caller has a group of that
     *     name ({@code contacts.group.exists})
     */
    public long createGroup(String name) {
        long me = me();
        String n = ContactRules.groupName(name);
        if (rows.groupNamed(me, n, -1)) {
            throw new InvalidInputException("groupName", "contacts.group.exists", n);
        }
        rows.nextToken(me);
        return rows.insertGroup(me, UUID.randomUUID().toString(), n);
    }

    /**
     * Renames group {@code id}.
     *
     * @throws NotFoundException no such group in the caller's book
     * @throws InvalidInputException as {@link #createGroup}
     */
    public void renameGroup(long id, String name) {
        long me = me();
        String n = ContactRules.groupName(name);
        ownGroup(me, id);
        if (rows.groupNamed(me, n, id)) {
            throw new InvalidInputException("groupName", "contacts.group.exists", n);
        }
        rows.renameGroup(me, id, n);
        long token = rows.nextToken(me);
        for (Contact c : rows.find(me, List.of(), id, Integer.MAX_VALUE)) {
            rows.touch(me, c.id(), rewritten(me, c, c.fields()), token);
        }
    }

    /**
     * Deletes group {@code id}; its contacts stay.
     *
     * @throws NotFoundException no such group in the caller's book
     */
    public void deleteGroup(long id) {
        long me = me();
        List<Long> members = rows.deleteGroup(me, id).orElseThrow(() -> groupGone(id));
        long token = rows.nextToken(me);
        for (long m : members) {
            rows.one(me, m).ifPresent(c -> rows.touch(me, c.id(),
                    rewritten(me, c, c.fields()), token));
        }
    }

    /**
     * Puts contact {@code id} in exactly these groups.
     *
     * @throws NotFoundException the contact or one of the groups is not the caller's
     */
    public Contact setGroups(long id, Set<Long> groups) {
        long me = me();
        card(id);
        Set<Long> wanted = new LinkedHashSet<>(groups);
        if (rows.ownGroups(me, wanted) != wanted.size()) {
            throw new NotFoundException("contacts.group.gone", String.valueOf(wanted));
        }
        rows.setGroups(id, wanted);
        Contact c = card(id);
        rows.touch(me, id, rewritten(me, c, c.fields()), rows.nextToken(me));
        return card(id);
    }

    /**
     * Imports a vCard file or a CSV export of Outlook, Gmail or Thunderbird: every valid contact not already in the
     * book (same e-mail address, or same UID) is created, in the groups its card names (CATEGORIES; a group missing
     * is created); the others are listed with their card or line and reason.
     *
     * @throws InvalidInputException (field {@code file}) the file is too large or is not a contact file: nothing is
     *     imported
     */
    public ImportReport importFile(byte[] bytes) {
        long me = me();
        ContactFile.Read read = ContactFile.read(bytes);
        List<ImportReport.Rejected> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int created = 0;
        int duplicates = 0;
        long token = 0;
        for (ContactFile.Entry e : read.entries()) {
            if (e.fault() != null) {
                rejected.add(new ImportReport.Rejected(e.position(), e.fault(), e.detail()));
                continue;
            }
            ContactDraft d;
            try {
                d = ContactRules.check(e.draft());
            } catch (InvalidInputException bad) {
                String detail = bad.argument() != null && !bad.messageKey().endsWith("tooLong") ? bad.argument()
                        : e.draft().displayName();
                rejected.add(new ImportReport.Rejected(e.position(), bad.messageKey(),
                        detail == null || detail.isBlank() ? null : detail));
                continue;
            }
            boolean known = d.uid() != null && (rows.hasUid(me, d.uid()) || !seen.add("uid:" + d.uid()));
            for (ContactValue v : d.emails()) {
                known |= rows.hasEmail(me, v.value()) || !seen.add(v.value());
            }
            if (known) {
                duplicates++;
                continue;
            }
            if (token == 0) {
                token = rows.nextToken(me);
            }
            String uid = d.uid() != null ? d.uid() : UUID.randomUUID().toString();
            List<String> groups = ContactRules.groupNames(e.groups());
            long id = rows.insert(me, uid, d, ContactCards.write(uid, d, groups), searchText(d), token);
            if (!groups.isEmpty()) {
                rows.setGroups(id, groups.stream().map(g -> rows.groupByName(me, g)
                        .orElseGet(() -> rows.insertGroup(me, UUID.randomUUID().toString(), g))).toList());
            }
            created++;
        }
        return new ImportReport(read.kind(), created, duplicates, rejected);
    }

    /**
     * The caller's contacts, or those of group {@code group}, as a vCard file (UTF-8) of version 4.0, or 3.0 when
     * {@code version3}.
     *
     * @throws NotFoundException the group is not one of the caller's
     */
    public byte[] export(Long group, boolean version3) {
        List<Contact> contacts = search(null, group);
        return ContactCards.write(contacts, version3 ? VCardVersion.V3_0 : VCardVersion.V4_0)
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Adds a person of the directory to the caller's contacts, with their professional data only (name, academic
     * address, work phone, establishment, function); when a contact of the book already has that address, that
     * contact is returned and nothing is created.
     *
     * @throws NotFoundException no such person in the directory
     */
    public Contact addFromDirectory(long personId) {
        long me = me();
        DirectoryEntry p = directory.card(personId);
        if (p.address() != null) {
            var known = rows.byEmail(me, p.address());
            if (known.isPresent()) {
                return card(known.get());
            }
        }
        String title = p.function().french() + (p.discipline() == null ? "" : " — " + p.discipline());
        String establishment = p.establishment() + (p.town() == null ? "" : " (" + p.town() + ")");
        return create(new ContactDraft(p.firstName(), p.lastName(),
                p.address() == null ? List.of() : List.of(new ContactValue(p.address(), "work")),
                p.workPhone() == null ? List.of() : List.of(new ContactValue(p.workPhone(), "work")),
                establishment, title, null, null, null));
    }

    private long me() {
        return access.own().ownerAccountId();
    }

    private void ownGroup(long me, long group) {
        if (rows.ownGroups(me, List.of(group)) != 1) {
            throw groupGone(group);
        }
    }

    /** The card of contact {@code c} with fields {@code d}, keeping what the portal does not model (ADR 0102). */
    private String rewritten(long me, Contact c, ContactDraft d) {
        return ContactCards.write(rows.vcard(me, c.id()), c.uid(), d, groupNames(c));
    }

    private static List<String> groupNames(Contact c) {
        return c.groups().stream().map(ContactGroup::name).toList();
    }

    /** The folded text of a contact that the search and compose's suggestions read. */
    public static String searchText(ContactDraft d) {
        List<String> fields = new ArrayList<>(List.of(nz(d.firstName()), nz(d.lastName()), nz(d.organisation()),
                nz(d.title())));
        d.emails().forEach(e -> fields.add(e.value()));
        return SearchText.of(fields.toArray(String[]::new));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static NotFoundException gone(long id) {
        return new NotFoundException("contacts.gone", String.valueOf(id));
    }

    private static NotFoundException groupGone(long id) {
        return new NotFoundException("contacts.group.gone", String.valueOf(id));
    }
}
