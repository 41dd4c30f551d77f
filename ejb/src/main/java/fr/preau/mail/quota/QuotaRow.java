package fr.preau.mail.quota;

import java.io.Serializable;

/** One mailbox of the quota report: its latest snapshot (KiB). */
public record QuotaRow(String username, String address, String establishmentUai, String establishmentName,
        long usedKb, long limitKb) implements Serializable {

    /** Whole percent of the quota used (0 without a quota). */
    public int percent() {
        return limitKb <= 0 ? 0 : (int) (usedKb * 100 / limitKb);
    }
}
