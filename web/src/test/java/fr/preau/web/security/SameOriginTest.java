package fr.preau.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SameOriginTest {
    @Test
    void originsMatchOnSchemeHostAndPortWithDefaultPortsAndCaseIgnored() {
        assertTrue(SameOrigin.sameOrigin("https://Portail.ac-preau.fr", "https://portail.ac-preau.fr:443"));
        assertTrue(SameOrigin.sameOrigin("http://localhost:8080", "http://localhost:8080"));
        assertFalse(SameOrigin.sameOrigin("http://localhost:8081", "http://localhost:8080"));
        assertFalse(SameOrigin.sameOrigin("http://portail.ac-preau.fr", "https://portail.ac-preau.fr"));
        assertFalse(SameOrigin.sameOrigin("https://portail.ac-preau.fr.attaquant.example",
                "https://portail.ac-preau.fr"));
        assertFalse(SameOrigin.sameOrigin("null", "http://localhost:8080"));
        assertFalse(SameOrigin.sameOrigin("not a url", "http://localhost:8080"));
    }
}
