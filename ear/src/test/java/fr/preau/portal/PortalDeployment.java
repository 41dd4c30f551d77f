package fr.preau.portal;

import java.io.File;
import java.sql.SQLException;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Browser tests drive the EAR that this module assembled, deployed as it is into the managed WildFly.
 *
 * <p>The right to disconnect is off during each test: "Envoyer" would otherwise open the quiet-hours dialog in the
 * evening and at weekends, and a test would pass or fail with the hour it runs at. A test of the quiet hours turns
 * them on again in its own {@code @BeforeEach} (which runs after this one).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class PortalDeployment {
    static final String DISCONNECT_ENABLED = "mail.disconnect.enabled";

    @Deployment(testable = false)
    static EnterpriseArchive portal() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File("target/preau.ear"));
    }

    @BeforeEach
    void quietHoursOffWhateverTheHour() throws SQLException {
        PortalDatabase.academySetting(DISCONNECT_ENABLED, "false");
    }

    @AfterEach
    void quietHoursAsTheAcademySetsThem() throws SQLException {
        PortalDatabase.academySetting(DISCONNECT_ENABLED, null);
    }
}
