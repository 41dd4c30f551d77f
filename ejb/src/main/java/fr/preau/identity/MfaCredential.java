package fr.preau.identity;

import java.time.Instant;

/**
 * A second factor of the signed-in user: an authenticator app ({@code otp}) or a security key ({@code webauthn}).
 *
 * @param id Keycloak's credential id
 * @param type {@code otp} or {@code webauthn}
 * @param label the name the user gave it when enrolling (may be empty)
 * @param created when it was enrolled, if Keycloak says
 */
public record MfaCredential(String id, String type, String label, Instant created) {
    public boolean securityKey() {
        return type.startsWith("webauthn");
    }
}
