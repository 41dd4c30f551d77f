package fr.preau.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.apache.commons.codec.digest.Sha2Crypt;
import org.junit.jupiter.api.Test;

class AppPasswordSecretTest {
    @Test
    void aPasswordIsFourGroupsOfSixUnambiguousCharactersWhoseFirstGroupIsTheSelector() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String password = AppPasswordSecret.generate();
            assertTrue(password.matches("[a-hjkmnp-z2-9]{6}(-[a-hjkmnp-z2-9]{6}){3}"), password);
            assertEquals(password.substring(0, 6), AppPasswordSecret.selector(password));
            assertTrue(seen.add(password));
        }
    }

    @Test
    void theHashIsDovecotsSha512CryptWithItsOwnSaltAndVerifiesOnlyThePassword() {
        String password = "abcdef-ghjkmn-pqrstu-vwxyz2";
        String hash = AppPasswordSecret.hash(password);
        assertTrue(hash.startsWith("{SHA512-CRYPT}$6$"), hash);
        String crypt = hash.substring("{SHA512-CRYPT}".length());
        assertEquals(crypt, Sha2Crypt.sha512Crypt(password.getBytes(StandardCharsets.UTF_8), crypt));
        assertNotEquals(crypt, Sha2Crypt.sha512Crypt("abcdef-ghjkmn-pqrstu-vwxyz3".getBytes(StandardCharsets.UTF_8),
                crypt));
        assertNotEquals(hash, AppPasswordSecret.hash(password), "a new salt each time");
    }
}
