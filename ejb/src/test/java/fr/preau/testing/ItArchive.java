package fr.preau.testing;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive an in-container integration test deploys: every {@code fr.preau} class (main and test), the
 * persistence unit, the test security domain ({@code it/jboss-ejb3.xml}) and the ejb module's libraries.
 */
public final class ItArchive {
    private ItArchive() {
    }

    /** With the Angus Mail module, as the ejb module's own MANIFEST declares. */
    public static WebArchive of(String name) {
        return of(name, "org.eclipse.angus.mail");
    }

    /** With these WildFly modules ({@code Dependencies:} of the MANIFEST, comma-separated). */
    public static WebArchive of(String name, String modules) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addPackages(true, "fr.preau")
                .addAsResource("META-INF/persistence.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsWebInfResource("it/jboss-ejb3.xml", "jboss-ejb3.xml")
                .addAsLibraries(TestEnv.runtimeLibraries())
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: " + modules + "\n"));
    }
}
