package fr.preau.identity;

import java.security.SecureRandom;

import org.apache.commons.codec.digest.Sha2Crypt;

/**
 * Generates app passwords and hashes them the way Dovecot verifies them. A password is four groups of six
 * characters from an alphabet without look-alikes ({@code abcd2f-…}), about 119 bits; the first group is its
 * public selector.
 */
final class AppPasswordSecret {
    static final int GROUP = 6;
    private static final int GROUPS = 4;
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private AppPasswordSecret() {
    }

    static String generate() {
        StringBuilder password = new StringBuilder();
        for (int g = 0; g < GROUPS; g++) {
            if (g > 0) {
                password.append('-');
            }
            for (int i = 0; i < GROUP; i++) {
                password.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
            }
        }
        return password.toString();
    }

    static String selector(String password) {
        return password.substring(0, GROUP);
    }

    /** Dovecot's {@code {SHA512-CRYPT}} scheme (glibc crypt {@code $6$}, random salt, 5,000 rounds). */
    static String hash(String password) {
        return "{SHA512-CRYPT}" + Sha2Crypt.sha512Crypt(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
