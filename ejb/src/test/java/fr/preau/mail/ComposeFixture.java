package fr.preau.mail;

import fr.preau.settings.AcademySettings;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/** Changes an academy setting for a test (and back), as an academy administrator would. */
@Stateless
@PermitAll
@RunAs("admin")
public class ComposeFixture {
    @EJB
    private AcademySettings settings;

    public void setting(String name, String value) {
        settings.put(name, value);
    }
}
