package fr.preau.account;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A staff member's account: identifier {@code prenom.nom} and the address of their mailbox; or a functional mailbox
 * of an establishment (secrétariat, vie scolaire …; docs/adr/0105), which nobody signs in as and its staff reach by
 * delegation only.
 */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_USERNAME, query = "select a from Account a where a.username = :username")
@NamedQuery(name = Account.BY_ADDRESS, query = "select a from Account a where a.address = :address")
public class Account {
    static final String BY_USERNAME = "Account.byUsername";
    static final String BY_ADDRESS = "Account.byAddress";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(nullable = false, unique = true, length = 254)
    private String address;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "establishment_uai", length = 8)
    private String establishmentUai;

    @Column(name = "quota_class", nullable = false, length = 32)
    private String quotaClass;

    @Column(nullable = false)
    private boolean enabled;

    @Column(nullable = false)
    private boolean functional;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Account() {
    }

    public Account(String username, String address, String displayName, String establishmentUai, String quotaClass) {
        this.username = username;
        this.address = address;
        this.displayName = displayName;
        this.establishmentUai = establishmentUai;
        this.quotaClass = quotaClass;
        this.enabled = true;
    }

    /** A functional mailbox of establishment {@code establishmentUai}: no password, delegated to its staff. */
    public static Account functional(String username, String address, String displayName, String establishmentUai) {
        Account a = new Account(username, address, displayName, establishmentUai, "fonctionnelle");
        a.functional = true;
        return a;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getAddress() {
        return address;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEstablishmentUai() {
        return establishmentUai;
    }

    public String getQuotaClass() {
        return quotaClass;
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** A functional mailbox of an establishment (no password of its own), not a person's. */
    public boolean isFunctional() {
        return functional;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
