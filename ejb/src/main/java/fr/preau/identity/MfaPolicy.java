package fr.preau.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.settings.AcademySettings;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * The academy's rule "MFA required for administrators" ({@link #REQUIRED_FOR_ADMINISTRATORS}, default off): every
 * user with role {@code admin} or {@code etab-admin} who has neither an authenticator app nor a security key gets
 * Keycloak's required action CONFIGURE_TOTP, so their next sign-in enrols one; the realm's browser flow then asks
 * for the second factor at every sign-in (conditional OTP / WebAuthn, "user configured"). Applied when the setting
 * is turned on and each night (batch job {@code password-expiry}, its last step), so new administrators are caught too.
 */
@Stateless
@ServiceBoundary
@RolesAllowed("admin")
public class MfaPolicy {
    public static final String REQUIRED_FOR_ADMINISTRATORS = "identity.mfa.required-for-admins";
    static final List<String> ADMIN_ROLES = List.of("admin", "etab-admin");
    private static final String CONFIGURE_TOTP = "CONFIGURE_TOTP";
    private static final Logger LOG = Logger.getLogger(MfaPolicy.class.getName());

    @Resource
    private SessionContext context;

    @Inject
    private IdentityServer identity;

    @EJB
    private AcademySettings settings;

    @Inject
    private Event<AuditEvent> audit;

    /** Turns the rule on or off (an administrator's decision, audited); on applies it at once. */
    public int setRequiredForAdministrators(boolean required) {
        settings.put(REQUIRED_FOR_ADMINISTRATORS, Boolean.toString(required));
        String actor = context.getCallerPrincipal().getName();
        audit.fire(AuditEvent.of(AuditAction.ADMIN_ACTION, actor, REQUIRED_FOR_ADMINISTRATORS, null, true,
                "MFA required for administrators: " + required));
        return enforce();
    }

    /**
     * Applies the rule (nothing when it is off); returns how many administrators were asked to enrol. Called by the
     * nightly job (role {@code batch}, docs/adr/0091) and by {@link #setRequiredForAdministrators}.
     */
    @RolesAllowed({"admin", "batch"})
    public int enforce() {
        if (!settings.bool(REQUIRED_FOR_ADMINISTRATORS, false)) {
            return 0;
        }
        Map<String, UserRepresentation> administrators = new LinkedHashMap<>();
        for (String role : ADMIN_ROLES) {
            for (UserRepresentation u : identity.call(() -> identity.realm().roles().get(role).getUserMembers(0,
                    10_000))) {
                administrators.putIfAbsent(u.getId(), u);
            }
        }
        int asked = 0;
        for (UserRepresentation admin : administrators.values()) {
            var resource = identity.realm().users().get(admin.getId());
            boolean hasSecondFactor = identity.call(() -> resource.credentials()).stream()
                    .anyMatch(c -> AccountSecurityService.isSecondFactor(c.getType()));
            UserRepresentation user = identity.call(resource::toRepresentation);
            List<String> actions = new ArrayList<>(user.getRequiredActions());
            if (hasSecondFactor || actions.contains(CONFIGURE_TOTP)) {
                continue;
            }
            actions.add(CONFIGURE_TOTP);
            user.setRequiredActions(actions);
            identity.run(() -> resource.update(user));
            LOG.info("Administrator " + user.getUsername() + " must enrol a second factor at the next sign-in");
            asked++;
        }
        return asked;
    }
}
