package fr.preau.mail;

import fr.preau.settings.AcademySettings;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/** Changes an academy setting for a test (and back). */
@Stateless
@PermitAll
public class ComposeFixture {
    @EJB
    private AcademySettings settings;

    public void setting(String name, String value) {
        settings.put(name, value);
    }
}
