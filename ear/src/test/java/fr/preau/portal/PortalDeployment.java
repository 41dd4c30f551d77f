package fr.preau.portal;

import java.io.File;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** Browser tests drive the EAR that this module assembled, deployed as it is into the managed WildFly. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class PortalDeployment {
    @Deployment(testable = false)
    static EnterpriseArchive portal() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File("target/preau.ear"));
    }
}
