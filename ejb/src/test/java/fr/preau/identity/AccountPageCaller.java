package fr.preau.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import fr.preau.delegation.Delegation;
import fr.preau.delegation.DelegationRights;
import fr.preau.delegation.registry.DelegationOversight;
import fr.preau.delegation.registry.DelegationRegistry;
import fr.preau.settings.admin.SettingValue;
import fr.preau.settings.admin.SettingsAdministration;
import fr.preau.settings.quota.QuotaClass;
import fr.preau.settings.quota.QuotaClasses;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;

/**
 * What the administration pages call (accounts, settings, quota classes), for the caller beans that run them as one
 * administrator or another.
 */
@PermitAll
public abstract class AccountPageCaller {
    @EJB
    private AccountAdministration administration;

    @EJB
    private ProvisionalAccountService provisional;

    @EJB
    private SettingsAdministration settings;

    @EJB
    private QuotaClasses quotaClasses;

    @EJB
    private EstablishmentAdministrators establishmentAdmins;

    @EJB
    private FunctionalMailboxService functionalMailboxes;

    @EJB
    private DelegationRegistry delegations;

    @EJB
    private DelegationOversight oversight;

    public FunctionalMailbox createFunctional(String address, String displayName, String uai) {
        return functionalMailboxes.create(address, displayName, uai);
    }

    public List<FunctionalMailbox> functionalMailboxes() {
        return functionalMailboxes.list();
    }

    public Delegation grantFunctional(String mailbox, String colleague, DelegationRights rights, LocalDate until) {
        return delegations.grantFunctional(mailbox, colleague, rights, until);
    }

    public void endFunctional(long id) {
        delegations.endFunctional(id);
    }

    public List<Delegation> functionalDelegations() {
        return oversight.functional();
    }

    public ProvisionalPassword create(String firstName, String lastName, String uai, String quotaClass) {
        return provisional.createAccount(firstName, lastName, uai, quotaClass);
    }

    public ProvisionalPassword reissue(String username) {
        return provisional.issueProvisionalPassword(username);
    }

    public ProvisionalPassword createMailed(String firstName, String lastName, String uai, String personal) {
        return provisional.createAccountAndMail(firstName, lastName, uai, null, personal);
    }

    public ProvisionalPassword reissueToRecoveryAddress(String username) {
        return provisional.issueProvisionalPassword(username, true);
    }

    public void suspend(String username) {
        administration.suspend(username);
    }

    public void reactivate(String username) {
        administration.reactivate(username);
    }

    public void changeQuotaClass(String username, String quotaClass) {
        administration.changeQuotaClass(username, quotaClass);
    }

    public AccountRename previewRename(String username, String firstName, String lastName) {
        return administration.previewRename(username, firstName, lastName);
    }

    public AccountRename rename(String username, String firstName, String lastName, String confirmedUsername) {
        return administration.rename(username, firstName, lastName, confirmedUsername);
    }

    public long count(AccountQuery query) {
        return administration.count(query);
    }

    public List<AccountRow> search(AccountQuery query) {
        return administration.search(query, 0, 50);
    }

    public List<SettingValue> settings() {
        return settings.settings();
    }

    public List<String> changeSettings(Map<String, String> values) {
        return settings.change(values);
    }

    public List<QuotaClass> quotaClasses() {
        return quotaClasses.list();
    }

    public QuotaClass createQuotaClass(QuotaClass wanted) {
        return quotaClasses.create(wanted);
    }

    public void updateQuotaClass(QuotaClass wanted) {
        quotaClasses.update(wanted);
    }

    public void deleteQuotaClass(String code) {
        quotaClasses.delete(code);
    }

    public List<EstablishmentAdministrator> establishmentAdmins() {
        return establishmentAdmins.list();
    }

    public void appoint(String username, String uai) {
        establishmentAdmins.appoint(username, uai);
    }

    public void withdraw(String username, String uai) {
        establishmentAdmins.withdraw(username, uai);
    }
}
