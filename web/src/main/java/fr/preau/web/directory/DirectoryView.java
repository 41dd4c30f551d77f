package fr.preau.web.directory;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import fr.preau.contacts.AddressBook;
import fr.preau.contacts.Contact;
import fr.preau.directory.Directory;
import fr.preau.directory.DirectoryEntry;
import fr.preau.directory.EstablishmentCard;
import fr.preau.shared.NotFoundException;
import fr.preau.web.shared.Feedback;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/**
 * "Annuaire": the words typed ({@code ?qui=}, a bookmarkable search), the people found, the card of one of them
 * ({@code ?personne=}), an establishment's card ({@code ?etablissement=UAI}), and the signed-in user's choice to
 * show their personal phone.
 */
@Named
@ViewScoped
public class DirectoryView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private Directory directory;

    @EJB
    private AddressBook contacts;

    private String q;
    private Long personne;
    private String etablissement;
    private EstablishmentCard establishment;
    private List<DirectoryEntry> results = List.of();
    private boolean searched;
    private DirectoryEntry card;
    private DirectoryEntry mine;
    private boolean showPhone;

    /** Runs the search of the address and opens the card asked for. */
    public void load() {
        try {
            mine = directory.mine().orElse(null);
            showPhone = mine != null && mine.personalPhoneShown();
            searched = q != null && !q.isBlank();
            results = directory.search(q);
            if (personne != null) {
                card = directory.card(personne);
            }
            if (etablissement != null && !etablissement.isBlank()) {
                establishment = directory.establishment(etablissement);
            }
        } catch (NotFoundException e) {
            Feedback.error(null, e.messageKey());
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** Saves the choice to show or hide one's personal phone. */
    public void savePhone() {
        try {
            directory.showMyPersonalPhone(showPhone);
            mine = directory.mine().orElse(null);
            Feedback.info(showPhone ? "directory.mine.shown" : "directory.mine.hidden");
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /**
     * Adds the card's person to the user's contacts (professional data only; an address already in the book is not
     * added twice) and opens that contact.
     */
    public String addToContacts() {
        if (card == null) {
            return null;
        }
        try {
            Contact c = contacts.addFromDirectory(card.id());
            Feedback.info("contacts.created", c.displayName());
            Feedback.keepForRedirect();
            return "/contacts.xhtml?faces-redirect=true&contact=" + c.id();
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
            return null;
        }
    }

    /** The function's label in the page's language. */
    public String function(DirectoryEntry e) {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return e.function().label(locale);
    }

    /** Compose with this person as recipient. */
    public String writeTo(DirectoryEntry e) {
        return writeToAddress(e.displayName(), e.address());
    }

    /** Compose with this name and address as recipient. */
    public String writeToAddress(String name, String address) {
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return context + "/mail/compose.xhtml?destinataire="
                + URLEncoder.encode(name + " <" + address + ">", StandardCharsets.UTF_8);
    }

    /** The card of an establishment, with its functional mailboxes and its staff. */
    public String establishmentLink(String uai) {
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return context + "/annuaire?etablissement=" + URLEncoder.encode(uai, StandardCharsets.UTF_8)
                + "#fiche-etablissement";
    }

    /** The card of this person, keeping the search. */
    public String cardLink(DirectoryEntry e) {
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return context + "/annuaire?qui=" + URLEncoder.encode(q == null ? "" : q, StandardCharsets.UTF_8)
                + "&personne=" + e.id() + "#fiche";
    }

    /** A phone number as a {@code tel:} link. */
    public String tel(String phone) {
        return "tel:" + phone.replace(" ", "");
    }

    public boolean isTooMany() {
        return results.size() >= Directory.LIMIT;
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public String getEtablissement() {
        return etablissement;
    }

    public void setEtablissement(String etablissement) {
        this.etablissement = etablissement;
    }

    public EstablishmentCard getEstablishment() {
        return establishment;
    }

    public Long getPersonne() {
        return personne;
    }

    public void setPersonne(Long personne) {
        this.personne = personne;
    }

    public List<DirectoryEntry> getResults() {
        return results;
    }

    public boolean isSearched() {
        return searched;
    }

    public DirectoryEntry getCard() {
        return card;
    }

    public DirectoryEntry getMine() {
        return mine;
    }

    public boolean isShowPhone() {
        return showPhone;
    }

    public void setShowPhone(boolean showPhone) {
        this.showPhone = showPhone;
    }
}
