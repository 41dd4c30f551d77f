package fr.preau.web.delegation;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import fr.preau.delegation.AgendaAccess;
import fr.preau.delegation.Delegation;
import fr.preau.delegation.DelegationRights;
import fr.preau.delegation.MailAccess;
import fr.preau.delegation.registry.DelegationRegistry;
import fr.preau.delegation.registry.DelegationTerms;
import fr.preau.web.shared.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/**
 * "Délégations": the caller grants a delegation of their mailbox (colleague, rights, optional last day), sees those
 * given (with "Mettre fin") and those received (pending: "Accepter" / "Refuser"; active: "Mettre fin"). Every action
 * is one call of {@link DelegationRegistry}, which checks that the caller is a party to the delegation.
 */
@Named
@ViewScoped
public class DelegationsView implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @EJB
    private DelegationRegistry registry;

    private String colleague;
    private MailAccess mail = MailAccess.READ;
    private boolean send;
    private AgendaAccess agenda = AgendaAccess.NONE;
    private LocalDate until;
    private List<Delegation> given = List.of();
    private List<Delegation> received = List.of();
    private boolean prefilled;

    @PostConstruct
    void init() {
        reload();
    }

    public void grant() {
        try {
            Delegation d = registry.grant(colleague, new DelegationRights(mail, send, agenda), until);
            Feedback.info("delegation.granted", d.delegateName());
            colleague = null;
            until = null;
        } catch (RuntimeException e) {
            Feedback.failed(e, "grant");
        }
        reload();
    }

    public void accept(Delegation d) {
        try {
            registry.accept(d.id());
            Feedback.info("delegation.accepted", d.ownerName());
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
        reload();
    }

    public void refuse(Delegation d) {
        try {
            registry.refuse(d.id());
            Feedback.info("delegation.refused", d.ownerName());
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
        reload();
    }

    public void end(Delegation d) {
        try {
            registry.end(d.id());
            Feedback.info("delegation.ended");
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
        reload();
    }

    private void reload() {
        try {
            given = registry.given();
            received = registry.received();
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** The rights in words: "Lecture et classement, envoi de sa part". */
    public String rights(DelegationRights r) {
        return rightsInWords(r);
    }

    /** The same, for any page that lists delegations. */
    public static String rightsInWords(DelegationRights r) {
        List<String> parts = new ArrayList<>();
        if (r.mail() != MailAccess.NONE) {
            parts.add(Feedback.text("delegation.mail." + r.mail().code()));
        }
        if (r.sendOnBehalf()) {
            parts.add(Feedback.text("delegation.send"));
        }
        if (r.agenda() != AgendaAccess.NONE) {
            parts.add(Feedback.text("delegation.agenda." + r.agenda().code()));
        }
        return String.join(", ", parts);
    }

    /** The last day it holds, or "Sans fin". */
    public String until(Delegation d) {
        return lastDay(d);
    }

    /** The same, for any page that lists delegations. */
    public static String lastDay(Delegation d) {
        LocalDate last = DelegationTerms.lastDay(d.endsAt());
        return last == null ? Feedback.text("delegation.noEnd") : DAY.format(last);
    }

    /** The first day the academy's calendar offers for the end. */
    public LocalDate getToday() {
        return LocalDate.now(DelegationTerms.ZONE);
    }

    public MailAccess[] getMailChoices() {
        return MailAccess.values();
    }

    public AgendaAccess[] getAgendaChoices() {
        return AgendaAccess.values();
    }

    public List<Delegation> getGiven() {
        return given;
    }

    public List<Delegation> getReceived() {
        return received;
    }

    /** The colleague a directory card sends ({@code ?collegue=}); applied once, a postback never brings it back. */
    public String getPrefill() {
        return null;
    }

    public void setPrefill(String address) {
        if (!prefilled && address != null && !address.isBlank()) {
            colleague = address.trim();
        }
        prefilled = true;
    }

    public String getColleague() {
        return colleague;
    }

    public void setColleague(String colleague) {
        this.colleague = colleague;
    }

    public MailAccess getMail() {
        return mail;
    }

    public void setMail(MailAccess mail) {
        this.mail = mail;
    }

    public boolean isSend() {
        return send;
    }

    public void setSend(boolean send) {
        this.send = send;
    }

    public AgendaAccess getAgenda() {
        return agenda;
    }

    public void setAgenda(AgendaAccess agenda) {
        this.agenda = agenda;
    }

    public LocalDate getUntil() {
        return until;
    }

    public void setUntil(LocalDate until) {
        this.until = until;
    }
}
