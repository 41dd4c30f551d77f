package fr.preau.batch.identity;

import java.time.Instant;
import java.util.logging.Logger;

import fr.preau.identity.MfaPolicy;
import fr.preau.identity.ProvisionalPasswordExpiry;
import jakarta.batch.api.AbstractBatchlet;
import fr.preau.batch.BatchRole;
import jakarta.ejb.EJB;
import jakarta.inject.Named;

/**
 * Step of the job {@code identity-nightly}: makes unused provisional passwords stop working
 * ({@link ProvisionalPasswordExpiry}) and applies the academy's MFA rule for administrators ({@link MfaPolicy}).
 */
@Named("identityNightlyBatchlet")
public class IdentityNightlyBatchlet extends AbstractBatchlet {
    private static final Logger LOG = Logger.getLogger(IdentityNightlyBatchlet.class.getName());

    @EJB
    private BatchRole batch;

    @EJB
    private ProvisionalPasswordExpiry provisional;

    @EJB
    private MfaPolicy mfa;

    @Override
    public String process() {
        int expired = batch.call(() -> provisional.expireUnused(Instant.now()));
        int asked = batch.call(mfa::enforce);
        LOG.info("identity-nightly: " + expired + " unused provisional password(s) expired, " + asked
                + " administrator(s) asked to enrol a second factor");
        return "COMPLETED";
    }
}
