package fr.preau.batch.expiry;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

import fr.preau.identity.MfaPolicy;
import fr.preau.identity.ProvisionalPasswordExpiry;
import fr.preau.batch.BatchRole;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Last step of the job {@code password-expiry} (what the job {@code identity-nightly} did before, docs/adr/0095):
 * makes unused provisional passwords stop working ({@link ProvisionalPasswordExpiry}) and applies the academy's MFA
 * rule for administrators ({@link MfaPolicy}). Idempotent: a second run finds nothing left to do.
 */
@Named("provisionalBatchlet")
@Dependent
public class ProvisionalBatchlet extends AbstractBatchlet {
    private static final Logger LOG = Logger.getLogger(ProvisionalBatchlet.class.getName());

    @EJB
    private BatchRole batch;

    @EJB
    private ProvisionalPasswordExpiry provisional;

    @EJB
    private MfaPolicy mfa;

    /** The instant of the run (ISO), as for the accounts step; empty: the clock. */
    @Inject
    @BatchProperty
    private String now;

    /** SQL LIKE pattern of the identifiers (default {@code %}: every account), as for the accounts step. */
    @Inject
    @BatchProperty
    private String accounts;

    private final Clock clock = Clock.systemUTC();

    @Override
    public String process() {
        Instant at = now == null || now.isBlank() ? clock.instant() : Instant.parse(now.trim());
        int expired = batch.call(() -> provisional.expireUnused(at,
                accounts == null || accounts.isBlank() ? "%" : accounts.trim()));
        int asked = batch.call(mfa::enforce);
        LOG.info("password-expiry: " + expired + " unused provisional password(s) expired, " + asked
                + " administrator(s) asked to enrol a second factor");
        return "PROVISIONAL_EXPIRED " + expired + " MFA_ASKED " + asked;
    }
}
