package fr.preau.identity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * An app password (mot de passe d'application) of an account, for one IMAP/SMTP client. Only its hash is kept
 * (Dovecot's {@code {SHA512-CRYPT}} notation) and its selector, the first group of the password, by which Dovecot
 * finds it. {@code lastUsedAt} is stamped by Dovecot through the database (migration V70).
 */
@Entity
@Table(name = "app_password")
@NamedQuery(name = AppPassword.OF_ACCOUNT,
        query = "select p from AppPassword p where p.accountId = :account order by p.createdAt desc, p.id desc")
public class AppPassword {
    static final String OF_ACCOUNT = "AppPassword.ofAccount";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Column(nullable = false, length = 80)
    private String name;

    @Column(nullable = false, length = 16, updatable = false)
    private String selector;

    @Column(nullable = false, length = 200, updatable = false)
    private String hash;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_used_at", insertable = false, updatable = false)
    private OffsetDateTime lastUsedAt;

    protected AppPassword() {
    }

    AppPassword(Long accountId, String name, String selector, String hash) {
        this.accountId = accountId;
        this.name = name;
        this.selector = selector;
        this.hash = hash;
        this.createdAt = OffsetDateTime.now();
    }

    public Long getId() {
        return id;
    }

    Long getAccountId() {
        return accountId;
    }

    public String getName() {
        return name;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    /** When a mail client last signed in with it, or {@code null} if never. */
    public OffsetDateTime getLastUsedAt() {
        return lastUsedAt;
    }
}
