package fr.preau.delegation;

/** Where a delegation is in its life: granted and waiting for the delegate, in force, refused, or over. */
public enum DelegationStatus {
    PENDING,
    ACTIVE,
    REFUSED,
    ENDED;

    /** The column value. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The value of a column. */
    public static DelegationStatus of(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }

    /** Pending or active. */
    public boolean open() {
        return this == PENDING || this == ACTIVE;
    }
}
