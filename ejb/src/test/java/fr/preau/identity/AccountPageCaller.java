package fr.preau.identity;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;

/** What the accounts page calls, for the caller beans that run it as one administrator or another. */
@PermitAll
public abstract class AccountPageCaller {
    @EJB
    private AccountAdministration administration;

    @EJB
    private ProvisionalAccountService provisional;

    public ProvisionalPassword create(String firstName, String lastName, String uai, String quotaClass) {
        return provisional.createAccount(firstName, lastName, uai, quotaClass);
    }

    public ProvisionalPassword reissue(String username) {
        return provisional.issueProvisionalPassword(username);
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

    public long count(AccountQuery query) {
        return administration.count(query);
    }

    public List<AccountRow> search(AccountQuery query) {
        return administration.search(query, 0, 50);
    }
}
