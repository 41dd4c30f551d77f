package fr.preau.web.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PortalAddressTest {
    @Test
    void theConfiguredAddressIsTheOnlyBaseOfMailedLinks() {
        assertEquals("https://portail.ac-preau.fr", PortalAddress.of("https://portail.ac-preau.fr/"));
        assertEquals("http://localhost:8080", PortalAddress.of(" http://localhost:8080 "));
        assertEquals("https://ent.ac-preau.fr/messagerie", PortalAddress.of("https://ent.ac-preau.fr/messagerie//"));
    }

    @Test
    void withoutAConfiguredAddressNoLinkIsBuiltRatherThanOneFromTheRequest() {
        assertThrows(IllegalStateException.class, () -> PortalAddress.of(null));
        assertThrows(IllegalStateException.class, () -> PortalAddress.of("  "));
        assertThrows(IllegalStateException.class, () -> PortalAddress.of("portail.ac-preau.fr"));
        assertThrows(IllegalStateException.class, () -> PortalAddress.of("javascript:alert(1)"));
        assertThrows(IllegalStateException.class, () -> PortalAddress.of("https://portail.ac-preau.fr/?x=1"));
    }
}
