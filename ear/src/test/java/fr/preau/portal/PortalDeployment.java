package fr.preau.portal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests drive the EAR that this module assembled, deployed as it is into the managed WildFly that Arquillian
 * starts, once for all the test classes of the module (deploying it again for each class cost about 4 s a class).
 *
 * <p>The right to disconnect is off during each test: "Envoyer" would otherwise open the quiet-hours dialog in the
 * evening and at weekends, and a test would pass or fail with the hour it runs at. A test of the quiet hours turns
 * them on again in its own {@code @BeforeEach} (which runs after this one).
 */
@ExtendWith({ArquillianExtension.class, PortalDeployment.Once.class})
@RunAsClient
abstract class PortalDeployment {
    static final String DISCONNECT_ENABLED = "mail.disconnect.enabled";

    @BeforeEach
    void quietHoursOffWhateverTheHour() throws SQLException {
        PortalDatabase.academySetting(DISCONNECT_ENABLED, "false");
    }

    @AfterEach
    void quietHoursAsTheAcademySetsThem() throws SQLException {
        PortalDatabase.academySetting(DISCONNECT_ENABLED, null);
    }

    /**
     * Deploys target/preau.ear through WildFly's management API before the first test class (after Arquillian has
     * started the server: this extension comes second), not persisted in the server's configuration, and removes it
     * when the last class has run (the root store's resources close before Arquillian stops the server, which is
     * registered first; should it be stopped already, the deployment was never written to standalone.xml).
     */
    static final class Once implements BeforeAllCallback {
        private static final String NAME = "preau.ear";

        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.create(Once.class))
                    .getOrComputeIfAbsent(NAME, name -> deploy(), Deployed.class);
        }

        private static Deployed deploy() {
            ModelControllerClient client;
            try {
                client = ModelControllerClient.Factory.create("127.0.0.1",
                        Integer.getInteger("preau.management.port", 9990));
            } catch (IOException e) {
                throw new IllegalStateException("WildFly's management API", e);
            }
            ModelNode add = operation("add");
            ModelNode content = add.get("content").add();
            content.get("path").set(Path.of("target", NAME).toAbsolutePath().toString());
            content.get("archive").set(true);
            add.get("enabled").set(true);
            add.get("persistent").set(false);
            execute(client, operation("remove"), false);
            execute(client, add, true);
            return new Deployed(client);
        }

        private static ModelNode operation(String name) {
            ModelNode op = new ModelNode();
            op.get("operation").set(name);
            op.get("address").add("deployment", NAME);
            return op;
        }

        private static void execute(ModelControllerClient client, ModelNode op, boolean mustSucceed) {
            ModelNode result;
            try {
                result = client.execute(op);
            } catch (IOException e) {
                throw new IllegalStateException(op.get("operation").asString() + " " + NAME, e);
            }
            if (mustSucceed && !"success".equals(result.get("outcome").asString())) {
                throw new IllegalStateException(op.get("operation").asString() + " " + NAME + ": " + result);
            }
        }

        /** The deployment, removed when JUnit closes the root store at the end of the run. */
        private record Deployed(ModelControllerClient client)
                implements ExtensionContext.Store.CloseableResource, AutoCloseable {
            @Override
            public void close() throws IOException {
                try {
                    execute(client, operation("remove"), false);
                } catch (IllegalStateException serverAlreadyStopped) {
                    // Not persistent: nothing of it is left in the configuration.
                } finally {
                    client.close();
                }
            }
        }
    }
}
