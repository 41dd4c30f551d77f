package fr.preau.shared;

import jakarta.ejb.ApplicationException;

/**
 * The action changes how the account is protected (an app password, the recovery address, a second factor) and the
 * caller's last sign-in is too old: they must sign in again first, so that a stolen portal session cannot make
 * itself permanent. Nothing was changed.
 */
@ApplicationException(rollback = true)
public class ReauthenticationRequiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReauthenticationRequiredException(String detail) {
        super(detail);
    }

    /** The message shown, {@code identity.reauth.required}. */
    public String messageKey() {
        return "identity.reauth.required";
    }
}
