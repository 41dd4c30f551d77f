package fr.preau.delegation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import fr.preau.delegation.registry.DelegationOversight;
import fr.preau.delegation.registry.DelegationRegistry;
import fr.preau.identity.FunctionalMailbox;
import fr.preau.identity.FunctionalMailboxService;
import fr.preau.mail.FolderPath;
import fr.preau.mail.FolderService;
import fr.preau.mail.ListedMessage;
import fr.preau.mail.MailAddress;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MessageActionService;
import fr.preau.mail.MessageSort;
import fr.preau.mail.MessageSummary;
import fr.preau.mail.MessageUid;
import fr.preau.mail.OutgoingMessage;
import fr.preau.mail.ReadingService;
import fr.preau.mail.compose.ComposeService;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;

/** The delegation services as a signed-in test user calls them; subclasses say which user (@PermitAll here too). */
@PermitAll
public abstract class DelegationCaller {
    @EJB
    private DelegationRegistry registry;

    @EJB
    private Delegations delegations;

    @EJB
    private DelegationOversight oversight;

    @EJB
    private MailboxAccess mailboxes;

    @EJB
    private FolderService folders;

    @EJB
    private MessageActionService messages;

    @EJB
    private ReadingService reading;

    @EJB
    private ComposeService compose;

    @EJB
    private FunctionalMailboxService functionalMailboxes;

    /** Creates a functional mailbox (administrators only). */
    public FunctionalMailbox createFunctional(String address, String displayName, String uai) {
        return functionalMailboxes.create(address, displayName, uai);
    }

    /** Opens a functional mailbox to a member of its establishment's staff (administrators only). */
    public Delegation grantFunctional(String mailbox, String colleague, DelegationRights rights) {
        return registry.grantFunctional(mailbox, colleague, rights, null);
    }

    /** The administrators' registry (refused to a plain user). */
    public List<Delegation> oversee() {
        return oversight.open();
    }

    public Delegation grant(String colleague, DelegationRights rights, LocalDate until) {
        return registry.grant(colleague, rights, until);
    }

    public Delegation accept(long id) {
        return registry.accept(id);
    }

    public void refuse(long id) {
        registry.refuse(id);
    }

    public void end(long id) {
        registry.end(id);
    }

    public Delegation change(long id, DelegationRights rights, LocalDate until) {
        return registry.change(id, rights, until);
    }

    public List<Delegation> given() {
        return registry.given();
    }

    public List<Delegation> received() {
        return registry.received();
    }

    public Optional<DelegationRights> rights(String actor, String owner) {
        return delegations.rights(actor, owner);
    }

    /** The mail view's mailbox menu: the owners the caller may switch to. */
    public List<String> mailboxes() {
        return mailboxes.delegatedMailboxes().stream().map(MailAddress::address).toList();
    }

    /** Switches the mail view to the mailbox of {@code owner} (null: one's own); returns whose it is now. */
    public String select(String owner) {
        return mailboxes.select(owner).owner().address();
    }

    /** The mail view's folder tree, as "name:use". */
    public List<String> folders() {
        return folders.folders().stream().map(f -> f.path().name() + ":" + f.use()).toList();
    }

    /** The first page of a folder of the mailbox the mail view shows. */
    public List<MessageSummary> page(String folder) {
        return messages.page(new FolderPath(folder), MessageSort.ARRIVAL, true, 0, 50).rows().stream()
                .map(ListedMessage::summary).toList();
    }

    public String open(String folder, MessageUid uid) {
        return reading.open(new FolderPath(folder), uid).text();
    }

    public int move(String from, MessageUid uid, String to) {
        return messages.move(new FolderPath(from), List.of(uid), new FolderPath(to));
    }

    public int delete(String from, MessageUid uid) {
        return messages.delete(new FolderPath(from), List.of(uid));
    }

    public void flag(String folder, MessageUid uid) {
        messages.markFlagged(new FolderPath(folder), List.of(uid), true);
    }

    public void createFolder(String name) {
        folders.create(null, name);
    }

    /** Sends from the mailbox the mail view shows (on the owner's behalf in a delegated one). */
    public void send(String to, String subject) {
        compose.send(new OutgoingMessage(List.of(new MailAddress(to, null)), List.of(), subject, "Bonjour"), null,
                null);
    }
}
