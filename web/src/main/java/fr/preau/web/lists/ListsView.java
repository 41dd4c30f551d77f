package fr.preau.web.lists;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.function.BiConsumer;

import fr.preau.lists.DistributionList;
import fr.preau.lists.DistributionLists;
import fr.preau.lists.ListDraft;
import fr.preau.lists.ListKind;
import fr.preau.lists.ListModeration;
import fr.preau.lists.ListMember;
import fr.preau.lists.ListOwner;
import fr.preau.lists.PostingRule;
import fr.preau.mail.HeldMessage;
import fr.preau.mail.MessageUid;
import fr.preau.shared.NotFoundException;
import fr.preau.web.shared.Feedback;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/**
 * "Listes de diffusion": the lists the caller manages and a form to create one; {@code ?liste=} opens a list with its
 * name and posting rule, members, owners (a project list) and deletion. One service call per action; a list the
 * caller may not manage is "not found", as the service says.
 */
@Named
@ViewScoped
public class ListsView implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String CREATE = "create";
    static final String EDIT = "edit";

    @EJB
    private DistributionLists lists;

    @EJB
    private ListModeration moderation;

    private Long liste;
    private List<DistributionList> managed = List.of();
    private List<ListKind> kinds = List.of();
    private DistributionList card;
    private List<ListMember> members = List.of();
    private List<ListOwner> owners = List.of();
    private String address;
    private String name;
    private String kind = ListKind.PROJET.code();
    private String establishment;
    private String discipline;
    private String departement;
    private String posting = PostingRule.MEMBERS.code();
    private String editName;
    private String editPosting;
    private boolean editModerated;
    private List<HeldMessage> held = List.of();
    private String newMember;
    private String newOwner;

    /** Reads the caller's lists, or the list the address names. */
    public void load() {
        try {
            kinds = lists.creatableKinds();
            if (liste == null) {
                managed = lists.managed();
            } else {
                open(lists.card(liste));
            }
        } catch (NotFoundException e) {
            liste = null;
            Feedback.error(null, e.messageKey());
            overview();
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    private void overview() {
        try {
            managed = lists.managed();
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    private void open(DistributionList l) {
        card = l;
        editName = l.name();
        editPosting = l.posting().code();
        editModerated = l.moderated();
        members = lists.members(l.id());
        refreshHeld();
        owners = l.kind() == ListKind.PROJET ? lists.owners(l.id()) : List.of();
    }

    /** Creates the list of the form and opens it. */
    public void create() {
        try {
            DistributionList made = lists.create(new ListDraft(address, name, ListKind.of(kind).orElse(null),
                    establishment, discipline, departement, PostingRule.of(posting).orElse(null)));
            Feedback.info("lists.created", made.address());
            redirect(made.id());
        } catch (RuntimeException e) {
            Feedback.failed(e, CREATE);
        }
    }

    /** Saves the name and posting rule of the open list. */
    public void save() {
        try {
            DistributionList saved = lists.update(card.id(), editName, PostingRule.of(editPosting).orElse(null));
            if (saved.moderated() != editModerated) {
                saved = lists.moderate(card.id(), editModerated);
            }
            open(saved);
            Feedback.info("lists.saved", card.name());
        } catch (RuntimeException e) {
            Feedback.failed(e, EDIT);
        }
    }

    /** Deletes the open list (the page asked to confirm) and goes back to the caller's lists. */
    public void delete() {
        try {
            lists.delete(card.id());
            Feedback.info("lists.deleted", card.address());
            redirect(null);
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** Delivers held message {@code uid} (as the page wrote it) to the open list's members, once. */
    public void approve(String uid) {
        decide(uid, moderation::approve, "lists.held.approved");
    }

    /** Deletes held message {@code uid}: nobody receives it. */
    public void refuse(String uid) {
        decide(uid, moderation::refuse, "lists.held.refused");
    }

    private void decide(String uid, BiConsumer<Long, MessageUid> decision, String done) {
        try {
            decision.accept(card.id(), MessageUid.parse(uid));
            Feedback.info(done);
        } catch (IllegalArgumentException e) {
            Feedback.error(null, "lists.held.missing");
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
        refreshHeld();
    }

    /** The held messages of the open list; should the mail store fail, the rest of the list still shows. */
    private void refreshHeld() {
        try {
            held = moderation.held(card.id());
        } catch (RuntimeException e) {
            held = List.of();
            Feedback.failed(e, null);
        }
    }

    /** Adds the member typed. */
    public void addMember() {
        try {
            ListMember m = lists.addMember(card.id(), newMember);
            Feedback.info("lists.member.added", m.address());
            newMember = null;
            open(lists.card(card.id()));
        } catch (RuntimeException e) {
            Feedback.failed(e, "members");
        }
    }

    /** Removes member row {@code member}. */
    public void removeMember(long member) {
        try {
            lists.removeMember(card.id(), member);
            Feedback.info("lists.member.removed");
            open(lists.card(card.id()));
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** Makes the account typed a co-owner. */
    public void addOwner() {
        try {
            lists.addOwner(card.id(), newOwner);
            Feedback.info("lists.owner.added", newOwner);
            newOwner = null;
            open(lists.card(card.id()));
        } catch (RuntimeException e) {
            Feedback.failed(e, "owners");
        }
    }

    /** Removes owner {@code account}; a caller who removed themselves goes back to their lists. */
    public void removeOwner(long account) {
        try {
            lists.removeOwner(card.id(), account);
            Feedback.info("lists.owner.removed");
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
            return;
        }
        try {
            open(lists.card(card.id()));
        } catch (NotFoundException e) {
            redirect(null);
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    private static void redirect(Long id) {
        Feedback.keepForRedirect();
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + "/listes" + (id == null ? "" : "?liste=" + id));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of a kind, as the page names it. */
    public String kindLabel(ListKind k) {
        return Feedback.text("lists.kind." + k.code());
    }

    /** The text of a posting rule. */
    public String postingLabel(PostingRule r) {
        return Feedback.text("lists.posting." + r.code());
    }

    public boolean isAdministrator() {
        return kinds.contains(ListKind.DISCIPLINAIRE);
    }

    public boolean isEstablishmentKinds() {
        return kinds.contains(ListKind.ETABLISSEMENT);
    }

    public PostingRule[] getPostingRules() {
        return PostingRule.values();
    }

    public Long getListe() {
        return liste;
    }

    public void setListe(Long liste) {
        this.liste = liste;
    }

    public List<DistributionList> getManaged() {
        return managed;
    }

    public List<ListKind> getKinds() {
        return kinds;
    }

    public DistributionList getCard() {
        return card;
    }

    public List<ListMember> getMembers() {
        return members;
    }

    public List<ListOwner> getOwners() {
        return owners;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getEstablishment() {
        return establishment;
    }

    public void setEstablishment(String establishment) {
        this.establishment = establishment;
    }

    public String getDiscipline() {
        return discipline;
    }

    public void setDiscipline(String discipline) {
        this.discipline = discipline;
    }

    public String getDepartement() {
        return departement;
    }

    public void setDepartement(String departement) {
        this.departement = departement;
    }

    public String getPosting() {
        return posting;
    }

    public void setPosting(String posting) {
        this.posting = posting;
    }

    public String getEditName() {
        return editName;
    }

    public void setEditName(String editName) {
        this.editName = editName;
    }

    public String getEditPosting() {
        return editPosting;
    }

    public void setEditPosting(String editPosting) {
        this.editPosting = editPosting;
    }

    public boolean isEditModerated() {
        return editModerated;
    }

    public void setEditModerated(boolean editModerated) {
        this.editModerated = editModerated;
    }

    public List<HeldMessage> getHeld() {
        return held;
    }

    public String getNewMember() {
        return newMember;
    }

    public void setNewMember(String newMember) {
        this.newMember = newMember;
    }

    public String getNewOwner() {
        return newOwner;
    }

    public void setNewOwner(String newOwner) {
        this.newOwner = newOwner;
    }
}
