package fr.preau.identity;

import java.util.Optional;

/** The application-initiated actions the portal sends users to on Keycloak's pages ({@code kc_action}). */
public enum KeycloakAction {
    UPDATE_PASSWORD("UPDATE_PASSWORD"),
    CONFIGURE_TOTP("CONFIGURE_TOTP"),
    WEBAUTHN_REGISTER("webauthn-register");

    private final String keycloakName;

    KeycloakAction(String keycloakName) {
        this.keycloakName = keycloakName;
    }

    /** The value of {@code kc_action}. */
    public String keycloakName() {
        return keycloakName;
    }

    public static Optional<KeycloakAction> parse(String value) {
        for (KeycloakAction a : values()) {
            if (a.name().equals(value) || a.keycloakName.equals(value)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
