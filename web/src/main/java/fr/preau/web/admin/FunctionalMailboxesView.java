package fr.preau.web.admin;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

import fr.preau.delegation.AgendaAccess;
import fr.preau.delegation.Delegation;
import fr.preau.delegation.DelegationRights;
import fr.preau.delegation.MailAccess;
import fr.preau.delegation.registry.DelegationOversight;
import fr.preau.delegation.registry.DelegationRegistry;
import fr.preau.delegation.registry.DelegationTerms;
import fr.preau.identity.AccountAdministration;
import fr.preau.identity.Choice;
import fr.preau.identity.FunctionalMailbox;
import fr.preau.identity.FunctionalMailboxService;
import fr.preau.web.delegation.DelegationsView;
import fr.preau.web.shared.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/**
 * "Boîtes fonctionnelles" (issue 13, item 4; docs/adr/0105), for academy administrators and establishment
 * administrators (their establishments only, checked by the services): create a functional mailbox, open one to a
 * member of its establishment's staff (in force at once), see who has access and end it. One service call per action.
 */
@Named
@ViewScoped
public class FunctionalMailboxesView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private FunctionalMailboxService mailboxes;

    @EJB
    private DelegationRegistry registry;

    @EJB
    private DelegationOversight oversight;

    @EJB
    private AccountAdministration administration;

    private List<FunctionalMailbox> list = List.of();
    private List<Delegation> delegations = List.of();
    private List<Choice> establishments = List.of();
    private String address;
    private String displayName;
    private String establishment;
    private String mailbox;
    private String colleague;
    private MailAccess mail = MailAccess.FILE;
    private boolean send;
    private LocalDate until;

    @PostConstruct
    void init() {
        try {
            establishments = administration.establishments();
            if (establishments.size() == 1) {
                establishment = establishments.get(0).code();
            }
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
        reload();
    }

    public void create() {
        try {
            FunctionalMailbox made = mailboxes.create(address, displayName, establishment);
            Feedback.info("admin.functional.created", made.address());
            address = null;
            displayName = null;
            mailbox = made.address();
        } catch (RuntimeException e) {
            Feedback.failed(e, "functional");
        }
        reload();
    }

    public void delegate() {
        try {
            Delegation d = registry.grantFunctional(mailbox, colleague, new DelegationRights(mail, send,
                    AgendaAccess.NONE), until);
            Feedback.info("admin.functional.delegated", d.ownerName(), d.delegateName());
            colleague = null;
            until = null;
        } catch (RuntimeException e) {
            Feedback.failed(e, "functional");
        }
        reload();
    }

    public void end(Delegation d) {
        try {
            registry.endFunctional(d.id());
            Feedback.info("delegation.ended");
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
        reload();
    }

    private void reload() {
        try {
            list = mailboxes.list();
            delegations = oversight.functional();
            if (mailbox == null && !list.isEmpty()) {
                mailbox = list.get(0).address();
            }
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** The open delegations of one mailbox, newest first. */
    public List<Delegation> delegationsOf(FunctionalMailbox f) {
        return delegations.stream().filter(d -> d.ownerAddress().equals(f.address())).toList();
    }

    public String rights(Delegation d) {
        return DelegationsView.rightsInWords(d.rights());
    }

    public String until(Delegation d) {
        return DelegationsView.lastDay(d);
    }

    public LocalDate getToday() {
        return LocalDate.now(DelegationTerms.ZONE);
    }

    public MailAccess[] getMailChoices() {
        return MailAccess.values();
    }

    public List<FunctionalMailbox> getList() {
        return list;
    }

    public List<Choice> getEstablishments() {
        return establishments;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String value) {
        address = value;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String value) {
        displayName = value;
    }

    public String getEstablishment() {
        return establishment;
    }

    public void setEstablishment(String value) {
        establishment = value;
    }

    public String getMailbox() {
        return mailbox;
    }

    public void setMailbox(String value) {
        mailbox = value;
    }

    public String getColleague() {
        return colleague;
    }

    public void setColleague(String value) {
        colleague = value;
    }

    public MailAccess getMail() {
        return mail;
    }

    public void setMail(MailAccess value) {
        mail = value;
    }

    public boolean isSend() {
        return send;
    }

    public void setSend(boolean value) {
        send = value;
    }

    public LocalDate getUntil() {
        return until;
    }

    public void setUntil(LocalDate value) {
        until = value;
    }
}
