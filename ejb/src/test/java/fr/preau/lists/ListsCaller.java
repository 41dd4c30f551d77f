package fr.preau.lists;

import java.util.List;

import fr.preau.mail.Correspondents;
import fr.preau.mail.HeldMessage;
import fr.preau.mail.MessageUid;
import fr.preau.mail.Suggestion;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;

/** The lists' service as a signed-in test user calls it; subclasses say which user and role (@PermitAll here too). */
@PermitAll
public abstract class ListsCaller {
    @EJB
    private DistributionLists lists;

    @EJB
    private Correspondents correspondents;

    @EJB
    private ListModeration moderation;

    public DistributionList moderate(long id, boolean moderated) {
        return lists.moderate(id, moderated);
    }

    public List<HeldMessage> held(long id) {
        return moderation.held(id);
    }

    public void approve(long id, MessageUid uid) {
        moderation.approve(id, uid);
    }

    public void refuse(long id, MessageUid uid) {
        moderation.refuse(id, uid);
    }

    /** The addresses of the distribution lists compose suggests to this user for what was typed. */
    public List<String> suggestedLists(String typed) {
        return correspondents.suggest(typed).stream().filter(s -> s.kind() == Suggestion.Kind.LIST)
                .map(s -> s.address().address()).toList();
    }

    public List<DistributionList> managed() {
        return lists.managed();
    }

    public List<ListKind> creatableKinds() {
        return lists.creatableKinds();
    }

    public DistributionList card(long id) {
        return lists.card(id);
    }

    public List<ListMember> members(long id) {
        return lists.members(id);
    }

    public List<ListOwner> owners(long id) {
        return lists.owners(id);
    }

    public DistributionList create(ListDraft draft) {
        return lists.create(draft);
    }

    public DistributionList update(long id, String name, PostingRule posting) {
        return lists.update(id, name, posting);
    }

    public void delete(long id) {
        lists.delete(id);
    }

    public ListMember addMember(long id, String address) {
        return lists.addMember(id, address);
    }

    public void removeMember(long id, long member) {
        lists.removeMember(id, member);
    }

    public void addOwner(long id, String address) {
        lists.addOwner(id, address);
    }

    public void removeOwner(long id, long account) {
        lists.removeOwner(id, account);
    }

    public int recomputeDisciplinary() {
        return lists.recomputeDisciplinary();
    }
}
