package fr.preau.identity;

import java.io.Serializable;

/** The personal address a user registered for password recovery; {@code verified} once its link was opened. */
public record RecoveryAddress(String address, boolean verified) implements Serializable {
}
