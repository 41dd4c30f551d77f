package fr.preau.web.contacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import fr.preau.contacts.AddressBook;
import fr.preau.contacts.Contact;
import fr.preau.contacts.ContactDraft;
import fr.preau.contacts.ContactFile;
import fr.preau.contacts.ContactGroup;
import fr.preau.contacts.ContactValue;
import fr.preau.contacts.ImportReport;
import fr.preau.shared.NotFoundException;
import fr.preau.web.shared.Feedback;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * "Contacts": the caller's address book. The words typed ({@code ?qui=}, as the directory: {@code q} is the mail
 * search of the top bar) and the group shown ({@code ?groupe=}) make a
 * bookmarkable list; {@code ?contact=} opens a card. Creating and editing a contact, its groups, the groups
 * themselves, import of a file with the list of what was refused, export as vCard 4 or 3. One service call per
 * action; every access check is the service's.
 */
@Named
@ViewScoped
public class ContactsView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String FORM = "contact-form";
    /** Addresses and phones the form offers. */
    static final int ROWS = 3;

    @EJB
    private AddressBook book;

    private String q;
    private Long groupe;
    private Long contact;
    private List<Contact> results = List.of();
    private List<Contact> groupMembers = List.of();
    private String groupWrite;
    private List<ContactGroup> groups = List.of();
    private ContactGroup group;
    private Contact card;
    private List<String> cardGroups = new ArrayList<>();
    private boolean editing;
    private Long editedId;
    private Editor editor = new Editor();
    private String newGroup;
    private String groupName;
    private ImportReport report;

    /** Reads the list, the groups and the card the address asks for. */
    public void load() {
        try {
            groups = book.groups();
            group = groupe == null ? null : groups.stream().filter(g -> g.id() == groupe).findFirst().orElse(null);
            if (groupe != null && group == null) {
                groupe = null;
                Feedback.error(null, "contacts.group.gone");
            }
            groupName = group == null ? null : group.name();
            results = book.search(q, groupe);
            members();
            if (contact != null) {
                open(book.card(contact));
            }
        } catch (NotFoundException e) {
            Feedback.error(null, e.messageKey());
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** An empty form for a new contact. */
    public void startNew() {
        editor = new Editor();
        editedId = null;
        editing = true;
        card = null;
    }

    /** The form with the card's fields. */
    public void startEdit() {
        if (card == null) {
            return;
        }
        editor = Editor.of(card.fields());
        editedId = card.id();
        editing = true;
    }

    public void cancel() {
        editing = false;
    }

    /** Creates or saves the contact of the form. */
    public void save() {
        try {
            Contact saved = editedId == null ? book.create(editor.draft()) : book.update(editedId, editor.draft());
            Feedback.info(editedId == null ? "contacts.created" : "contacts.saved", saved.displayName());
            editing = false;
            open(saved);
            refresh();
        } catch (RuntimeException e) {
            Feedback.failed(e, FORM);
        }
    }

    /** Deletes the card's contact (the page asked to confirm). */
    public void delete() {
        try {
            book.delete(card.id());
            Feedback.info("contacts.deleted", card.displayName());
            card = null;
            contact = null;
            refresh();
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** Puts the card's contact in the groups ticked. */
    public void saveGroups() {
        try {
            Set<Long> ids = new LinkedHashSet<>();
            for (String s : cardGroups) {
                ids.add(Long.parseLong(s));
            }
            open(book.setGroups(card.id(), ids));
            Feedback.info("contacts.groups.saved");
            refresh();
        } catch (NumberFormatException e) {
            Feedback.error(null, "contacts.group.gone");
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    public void createGroup() {
        try {
            book.createGroup(newGroup);
            Feedback.info("contacts.group.created", newGroup.strip());
            newGroup = null;
            refresh();
        } catch (RuntimeException e) {
            Feedback.failed(e, "groups");
        }
    }

    public void renameGroup() {
        try {
            book.renameGroup(groupe, groupName);
            Feedback.info("contacts.group.renamed", groupName.strip());
            refresh();
        } catch (RuntimeException e) {
            Feedback.failed(e, "group");
        }
    }

    /** Deletes the group shown (its contacts stay) and shows every contact. */
    public void deleteGroup() {
        try {
            book.deleteGroup(groupe);
            Feedback.info("contacts.group.deleted", group.name());
            groupe = null;
            refresh();
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** Imports the file given: the report lists what was refused. */
    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        if (file.getSize() > ContactFile.MAX_BYTES) {
            Feedback.error("import:file", "contacts.import.tooLarge", ContactFile.MAX_BYTES / (1024 * 1024));
            return;
        }
        try (InputStream in = file.getInputStream()) {
            report = book.importFile(in.readNBytes(ContactFile.MAX_BYTES + 1));
            refresh();
        } catch (IOException e) {
            Feedback.error("import:file", "contacts.import.notContacts");
        } catch (RuntimeException e) {
            report = null;
            Feedback.failed(e, "import");
        }
    }

    public void exportV4() {
        export(false);
    }

    public void exportV3() {
        export(true);
    }

    private void export(boolean version3) {
        try {
            byte[] bytes = book.export(groupe, version3);
            FacesContext faces = FacesContext.getCurrentInstance();
            ExternalContext external = faces.getExternalContext();
            external.responseReset();
            external.setResponseContentType("text/vcard; charset=UTF-8");
            external.setResponseContentLength(bytes.length);
            String name = (group == null ? "contacts" : "contacts-" + group.id()) + (version3 ? "-v3" : "") + ".vcf";
            external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
            try (OutputStream out = external.getResponseOutputStream()) {
                out.write(bytes);
            }
            faces.responseComplete();
        } catch (IOException e) {
            Feedback.error(null, "contacts.export.failed");
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** Compose with this contact (its first address) as recipient. */
    public String writeTo(Contact c) {
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        String name = c.fields().firstName() == null && c.fields().lastName() == null ? "" : c.displayName();
        String to = name.isEmpty() ? c.email() : name.replace("\"", "").replace("<", "").replace(">", "") + " <"
                + c.email() + ">";
        return context + "/mail/compose.xhtml?destinataire=" + URLEncoder.encode(to, StandardCharsets.UTF_8);
    }

    /** Compose with the first address of every contact of the group shown; null when none has one. */
    private String writeToGroup() {
        String to = groupMembers.stream().filter(c -> c.email() != null)
                .map(c -> (c.fields().firstName() == null && c.fields().lastName() == null ? ""
                        : c.displayName().replace("\"", "").replace("<", "").replace(">", "").replace(",", " ")
                        + " ") + "<" + c.email() + ">")
                .collect(java.util.stream.Collectors.joining(", "));
        if (to.isEmpty()) {
            return null;
        }
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return context + "/mail/compose.xhtml?destinataire=" + URLEncoder.encode(to, StandardCharsets.UTF_8);
    }

    /** The card of this contact, keeping the search and the group. */
    public String cardLink(Contact c) {
        return link("contact=" + c.id()) + "#fiche";
    }

    /** The list of this group (null: every contact). */
    public String groupLink(ContactGroup g) {
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return context + "/contacts" + (g == null ? "" : "?groupe=" + g.id());
    }

    private String link(String more) {
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        StringBuilder s = new StringBuilder(context).append("/contacts?");
        if (q != null && !q.isBlank()) {
            s.append("qui=").append(URLEncoder.encode(q, StandardCharsets.UTF_8)).append('&');
        }
        if (groupe != null) {
            s.append("groupe=").append(groupe).append('&');
        }
        return s.append(more).toString();
    }

    /** A phone number as a {@code tel:} link. */
    public String tel(String phone) {
        return "tel:" + phone.replace(" ", "");
    }

    /** The label of a type of address or phone. */
    public String type(String type) {
        return Feedback.text("contacts.type." + type);
    }

    /** Where a refused entry was: "carte 3" or "ligne 4". */
    public String where(ImportReport.Rejected r) {
        return Feedback.text(report.kind() == ContactFile.Kind.VCARD ? "contacts.import.card" : "contacts.import.line",
                r.position());
    }

    /** Why an entry was refused, in the page's language. */
    public String reason(ImportReport.Rejected r) {
        return Feedback.text(r.reason(), r.detail() == null ? "" : r.detail());
    }

    public String kind() {
        return report == null ? "" : Feedback.text("contacts.import.kind." + report.kind().name());
    }

    private void open(Contact c) {
        card = c;
        contact = c.id();
        cardGroups = new ArrayList<>(c.groups().stream().map(ContactGroup::key).toList());
    }

    private void refresh() {
        groups = book.groups();
        group = groupe == null ? null : groups.stream().filter(g -> g.id() == groupe).findFirst().orElse(null);
        groupName = group == null ? null : group.name();
        results = book.search(q, group == null ? null : groupe);
        members();
    }

    private void members() {
        if (group == null) {
            groupMembers = List.of();
        } else {
            groupMembers = q == null || q.isBlank() ? results : book.search(null, groupe);
        }
        groupWrite = writeToGroup();
    }

    /** "Écrire au groupe": compose with the group's addresses, or null. */
    public String getGroupWrite() {
        return groupWrite;
    }

    public boolean isTooMany() {
        return results.size() >= AddressBook.LIMIT;
    }

    public List<String> getEmailTypes() {
        return List.of("work", "home", "other");
    }

    public List<String> getPhoneTypes() {
        return List.of("mobile", "work", "home", "other");
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public Long getGroupe() {
        return groupe;
    }

    public void setGroupe(Long groupe) {
        this.groupe = groupe;
    }

    public Long getContact() {
        return contact;
    }

    public void setContact(Long contact) {
        this.contact = contact;
    }

    public List<Contact> getResults() {
        return results;
    }

    public List<ContactGroup> getGroups() {
        return groups;
    }

    public ContactGroup getGroup() {
        return group;
    }

    public Contact getCard() {
        return card;
    }

    public List<String> getCardGroups() {
        return cardGroups;
    }

    public void setCardGroups(List<String> cardGroups) {
        this.cardGroups = cardGroups;
    }

    public boolean isEditing() {
        return editing;
    }

    public boolean isCreating() {
        return editing && editedId == null;
    }

    public Editor getEditor() {
        return editor;
    }

    public String getNewGroup() {
        return newGroup;
    }

    public void setNewGroup(String newGroup) {
        this.newGroup = newGroup;
    }

    public String getGroupName() {
        return groupName;
    }

    public void setGroupName(String groupName) {
        this.groupName = groupName;
    }

    public ImportReport getReport() {
        return report;
    }

    /** The form's fields: {@value #ROWS} addresses and phones, each with its type. */
    public static class Editor implements Serializable {
        private static final long serialVersionUID = 1L;

        private String firstName;
        private String lastName;
        private final List<Row> emails = new ArrayList<>();
        private final List<Row> phones = new ArrayList<>();
        private String organisation;
        private String title;
        private String postalAddress;
        private String note;

        Editor() {
            for (int i = 0; i < ROWS; i++) {
                emails.add(new Row(null, "work"));
                phones.add(new Row(null, "mobile"));
            }
        }

        static Editor of(ContactDraft d) {
            Editor e = new Editor();
            e.firstName = d.firstName();
            e.lastName = d.lastName();
            fill(e.emails, d.emails());
            fill(e.phones, d.phones());
            e.organisation = d.organisation();
            e.title = d.title();
            e.postalAddress = d.postalAddress();
            e.note = d.note();
            return e;
        }

        private static void fill(List<Row> rows, List<ContactValue> values) {
            for (int i = 0; i < values.size(); i++) {
                Row r = new Row(values.get(i).value(), values.get(i).type());
                if (i < rows.size()) {
                    rows.set(i, r);
                } else {
                    rows.add(r);
                }
            }
        }

        ContactDraft draft() {
            return new ContactDraft(firstName, lastName, values(emails), values(phones), organisation, title,
                    postalAddress, note, null);
        }

        private static List<ContactValue> values(List<Row> rows) {
            return rows.stream().map(r -> new ContactValue(r.getValue(), r.getType())).toList();
        }

        public String getFirstName() {
            return firstName;
        }

        public void setFirstName(String firstName) {
            this.firstName = firstName;
        }

        public String getLastName() {
            return lastName;
        }

        public void setLastName(String lastName) {
            this.lastName = lastName;
        }

        public List<Row> getEmails() {
            return emails;
        }

        public List<Row> getPhones() {
            return phones;
        }

        public String getOrganisation() {
            return organisation;
        }

        public void setOrganisation(String organisation) {
            this.organisation = organisation;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getPostalAddress() {
            return postalAddress;
        }

        public void setPostalAddress(String postalAddress) {
            this.postalAddress = postalAddress;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }

    /** An address or a phone of the form and its type. */
    public static class Row implements Serializable {
        private static final long serialVersionUID = 1L;

        private String value;
        private String type;

        Row(String value, String type) {
            this.value = value;
            this.type = type;
        }

        public String getValue() {
            return value;
        }

        public void setValue(String value) {
            this.value = value;
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }
    }
}
