package fr.preau.contacts;

import java.util.List;
import java.util.Set;

import fr.preau.mail.Correspondents;
import fr.preau.mail.MailAddress;
import fr.preau.mail.Suggestion;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;

/** The address book as a signed-in test user calls it; subclasses say which user (@PermitAll here too). */
@PermitAll
public abstract class ContactsCaller {
    @EJB
    private AddressBook book;

    @EJB
    private Correspondents correspondents;

    public List<Contact> search(String typed, Long group) {
        return book.search(typed, group);
    }

    public Contact card(long id) {
        return book.card(id);
    }

    public Contact create(ContactDraft d) {
        return book.create(d);
    }

    public Contact update(long id, ContactDraft d) {
        return book.update(id, d);
    }

    public void delete(long id) {
        book.delete(id);
    }

    public List<ContactGroup> groups() {
        return book.groups();
    }

    public long createGroup(String name) {
        return book.createGroup(name);
    }

    public void renameGroup(long id, String name) {
        book.renameGroup(id, name);
    }

    public void deleteGroup(long id) {
        book.deleteGroup(id);
    }

    public Contact setGroups(long id, Set<Long> groups) {
        return book.setGroups(id, groups);
    }

    public ImportReport importFile(byte[] bytes) {
        return book.importFile(bytes);
    }

    public byte[] export(Long group, boolean version3) {
        return book.export(group, version3);
    }

    public Contact addFromDirectory(long person) {
        return book.addFromDirectory(person);
    }

    public List<Suggestion> suggest(String typed) {
        return correspondents.suggest(typed);
    }

    public void remember(List<MailAddress> recipients) {
        correspondents.remember(recipients);
    }
}
