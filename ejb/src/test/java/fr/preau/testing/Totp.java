package fr.preau.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 time-based one-time codes (HMAC-SHA1, 6 digits, 30 s), as an authenticator app computes them. */
public final class Totp {
    public static final long PERIOD_SECONDS = 30;

    private Totp() {
    }

    /** The code of the time step {@code step} for Keycloak's secret (the key is the secret's UTF-8 bytes). */
    public static String code(String secret, long step) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }

    public static long currentStep() {
        return System.currentTimeMillis() / 1000 / PERIOD_SECONDS;
    }

    /** Waits for a time step after {@code used}: Keycloak accepts each code once. */
    public static long nextStepAfter(long used) throws InterruptedException {
        while (currentStep() <= used) {
            Thread.sleep(500);
        }
        return currentStep();
    }
}
