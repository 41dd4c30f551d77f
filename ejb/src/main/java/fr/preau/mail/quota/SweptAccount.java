package fr.preau.mail.quota;

import java.io.Serializable;

/** An account the quota sweep reads: its id (snapshots and alerts are kept by id) and its address. */
public record SweptAccount(long id, String address) implements Serializable {
}
