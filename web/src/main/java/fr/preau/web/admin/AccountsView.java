package fr.preau.web.admin;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.preau.identity.AccountAdministration;
import fr.preau.identity.AccountQuery;
import fr.preau.identity.AccountRename;
import fr.preau.identity.AccountRow;
import fr.preau.identity.Choice;
import fr.preau.identity.ProvisionalAccountService;
import fr.preau.identity.ProvisionalPassword;
import fr.preau.web.shared.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/**
 * "Comptes" (administrators, establishment administrators for their establishments): search, create, suspend,
 * reactivate, give a new provisional password, change the quota class, rename (the new identifier shown, then
 * confirmed: docs/adr/0096). The services decide who may do what; this view only shows their answers. A
 * provisional password is shown once, until the next action, unless it was mailed to a personal address (given at
 * creation, or the account's verified recovery address at a reset).
 */
@Named
@ViewScoped
public class AccountsView implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String FORM = "accounts";
    private static final String STANDARD = "standard";

    @EJB
    private AccountAdministration administration;

    @EJB
    private ProvisionalAccountService provisional;

    private String text;
    private String establishment;
    private AccountQuery.Status status;
    private AccountDataModel accounts;
    private List<Choice> establishments = List.of();
    private List<Choice> quotaClasses = List.of();
    private final HashMap<String, String> quotaChoice = new HashMap<>();

    private String firstName;
    private String lastName;
    private String newEstablishment;
    private String newQuotaClass = STANDARD;
    private String personalAddress;
    private ProvisionalPassword issued;

    private AccountRow renaming;
    private String renameFirstName;
    private String renameLastName;
    private AccountRename renamePreview;
    private String previewedFirstName;
    private String previewedLastName;

    @PostConstruct
    void init() {
        try {
            establishments = administration.establishments();
            quotaClasses = administration.quotaClasses();
            if (!FacesContext.getCurrentInstance().getExternalContext().isUserInRole("admin")
                    && !establishments.isEmpty()) {
                newEstablishment = establishments.get(0).code();
            }
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
        search();
    }

    public void search() {
        accounts = new AccountDataModel(administration, new AccountQuery(text, establishment, status),
                quotaChoice);
    }

    public void create() {
        issued = null;
        try {
            issued = provisional.createAccountAndMail(firstName, lastName, newEstablishment, newQuotaClass,
                    personalAddress);
            if (issued.mailed()) {
                Feedback.info("admin.accounts.createdMailed", issued.username(), issued.mailedTo());
            } else {
                Feedback.info("admin.accounts.created", issued.username());
            }
            mailFailure();
            firstName = null;
            lastName = null;
            personalAddress = null;
            text = issued.username();
            search();
        } catch (RuntimeException e) {
            Feedback.failed(e, FORM);
        }
    }

    public void suspend(AccountRow row) {
        act(row, () -> administration.suspend(row.username()), "admin.accounts.suspended");
    }

    public void reactivate(AccountRow row) {
        act(row, () -> administration.reactivate(row.username()), "admin.accounts.reactivated");
    }

    public void resetPassword(AccountRow row) {
        issued = null;
        try {
            issued = provisional.issueProvisionalPassword(row.username());
            Feedback.info("admin.accounts.resetDone", row.username());
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** A new provisional password mailed to the account's verified recovery address, not shown here. */
    public void resetPasswordByMail(AccountRow row) {
        issued = null;
        try {
            issued = provisional.issueProvisionalPassword(row.username(), true);
            if (issued.mailed()) {
                Feedback.info("admin.accounts.resetMailed", row.username(), issued.mailedTo());
            } else {
                Feedback.info("admin.accounts.resetDone", row.username());
            }
            mailFailure();
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** Says so when the password could not be mailed and is shown instead. */
    private void mailFailure() {
        if (issued.mailFailed()) {
            Feedback.error(null, "admin.accounts.mailFailed", issued.mailedTo());
        }
    }

    public void changeQuotaClass(AccountRow row) {
        String code = quotaChoice.getOrDefault(row.username(), row.quotaClass());
        act(row, () -> administration.changeQuotaClass(row.username(), code), "admin.accounts.quotaChanged");
    }

    /** Opens the rename panel for this account. */
    public void startRename(AccountRow row) {
        issued = null;
        renaming = row;
        renameFirstName = null;
        renameLastName = null;
        renamePreview = null;
    }

    /** Shows the identifier and address the typed names give, to be confirmed. */
    public void previewRename() {
        renamePreview = null;
        if (renaming == null) {
            return;
        }
        try {
            renamePreview = administration.previewRename(renaming.username(), renameFirstName, renameLastName);
            previewedFirstName = renameFirstName;
            previewedLastName = renameLastName;
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** Applies the rename shown, with the names it was shown for. */
    public void rename() {
        if (renamePreview == null) {
            return;
        }
        AccountRename shown = renamePreview;
        try {
            AccountRename done = administration.rename(shown.oldUsername(), previewedFirstName, previewedLastName,
                    shown.newUsername());
            if (done.changesIdentifier()) {
                Feedback.info("admin.accounts.renamed", done.oldUsername(), done.newUsername());
            } else {
                Feedback.info("admin.accounts.renamedName", done.oldUsername());
            }
            text = done.newUsername();
            cancelRename();
            search();
        } catch (RuntimeException e) {
            renamePreview = null;
            Feedback.failed(e, null);
        }
    }

    public void cancelRename() {
        renaming = null;
        renamePreview = null;
        renameFirstName = null;
        renameLastName = null;
    }

    /** The confirmation's text: who becomes whom, and the address kept. */
    public String getRenameConfirmation() {
        if (renamePreview == null) {
            return "";
        }
        return renamePreview.changesIdentifier()
                ? Feedback.text("admin.accounts.rename.confirm", renamePreview.oldUsername(),
                        renamePreview.newUsername(), renamePreview.newAddress(), renamePreview.oldAddress())
                : Feedback.text("admin.accounts.rename.confirmName", renamePreview.displayName(),
                        renamePreview.oldUsername());
    }

    /** The account whose rename panel is open; {@code null} when none is. */
    public AccountRow getRenaming() {
        return renaming;
    }

    /** The rename the typed names give, once checked; {@code null} before. */
    public AccountRename getRenamePreview() {
        return renamePreview;
    }

    public String getRenameFirstName() {
        return renameFirstName;
    }

    public void setRenameFirstName(String renameFirstName) {
        this.renameFirstName = renameFirstName;
    }

    public String getRenameLastName() {
        return renameLastName;
    }

    public void setRenameLastName(String renameLastName) {
        this.renameLastName = renameLastName;
    }

    private void act(AccountRow row, Runnable action, String done) {
        issued = null;
        try {
            action.run();
            Feedback.info(done, row.username());
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    public AccountQuery.Status[] getStatuses() {
        return AccountQuery.Status.values();
    }

    public AccountDataModel getAccounts() {
        return accounts;
    }

    public List<Choice> getEstablishments() {
        return establishments;
    }

    public List<Choice> getQuotaClasses() {
        return quotaClasses;
    }

    /** The quota class chosen in each row, by identifier (the row's own class until changed). */
    public Map<String, String> getQuotaChoice() {
        return quotaChoice;
    }

    /** The provisional password just issued, shown once; {@code null} afterwards. */
    public ProvisionalPassword getIssued() {
        return issued;
    }

    /** Whether a provisional password is to be shown (issued and not mailed). */
    public boolean isPasswordShown() {
        return issued != null && issued.password() != null;
    }

    public String getPersonalAddress() {
        return personalAddress;
    }

    public void setPersonalAddress(String personalAddress) {
        this.personalAddress = personalAddress;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getEstablishment() {
        return establishment;
    }

    public void setEstablishment(String establishment) {
        this.establishment = establishment;
    }

    public AccountQuery.Status getStatus() {
        return status;
    }

    public void setStatus(AccountQuery.Status status) {
        this.status = status;
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

    public String getNewEstablishment() {
        return newEstablishment;
    }

    public void setNewEstablishment(String newEstablishment) {
        this.newEstablishment = newEstablishment;
    }

    public String getNewQuotaClass() {
        return newQuotaClass;
    }

    public void setNewQuotaClass(String newQuotaClass) {
        this.newQuotaClass = newQuotaClass;
    }
}
