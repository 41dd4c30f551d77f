package fr.preau.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import fr.preau.settings.AcademySettings;
import fr.preau.shared.ReauthenticationRequiredException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;

/**
 * When the user of this request last typed their credentials at Keycloak: the {@code auth_time} of the portal's ID
 * token, or of a later re-authentication (the portal's {@code max_age=0} request, web module), whichever is newer.
 * The web module sets it for each request from what Keycloak signed; services that change how the account is
 * protected call {@link #require()}. Nothing set (a request that did not come through the portal's sign-in) counts
 * as too old.
 */
@RequestScoped
public class RecentSignIn {
    /** How long a sign-in counts as recent for those actions (ISO-8601 duration, default 10 minutes). */
    public static final String MAX_AGE = "identity.reauth.max-age";
    static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);

    private Clock clock = Clock.systemUTC();
    private Instant at;

    @EJB
    private AcademySettings settings;

    /** Notes a sign-in (or re-authentication) time; the newest one counts. */
    public void signedInAt(Instant time) {
        if (time != null && (at == null || time.isAfter(at))) {
            at = time;
        }
    }

    /**
     * Passes when the caller signed in recently enough.
     *
     * @throws ReauthenticationRequiredException otherwise: the caller must sign in again
     */
    public void require() {
        if (!recent(at, maxAge(), clock.instant())) {
            throw new ReauthenticationRequiredException("last sign-in " + at);
        }
    }

    static boolean recent(Instant signedIn, Duration maxAge, Instant now) {
        return signedIn != null && !signedIn.isBefore(now.minus(maxAge));
    }

    private Duration maxAge() {
        Duration value = settings.duration(MAX_AGE, DEFAULT_MAX_AGE);
        return value.isNegative() ? DEFAULT_MAX_AGE : value;
    }

    void clock(Clock value) {
        this.clock = value;
    }
}
