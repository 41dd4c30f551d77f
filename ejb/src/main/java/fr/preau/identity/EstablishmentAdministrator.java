package fr.preau.identity;

import java.io.Serializable;

/** An account named establishment administrator of one establishment (a row of {@code establishment_admin}). */
public record EstablishmentAdministrator(String username, String displayName, String establishmentUai,
        String establishmentName) implements Serializable {
    private static final long serialVersionUID = 1L;
}
