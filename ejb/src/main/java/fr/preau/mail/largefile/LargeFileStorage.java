package fr.preau.mail.largefile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

import fr.preau.shared.Component;
import fr.preau.shared.Deployment;
import fr.preau.shared.ServiceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The storage folder of large files: the system property {@code preau.large-files.dir}, which the WildFly
 * configuration sets from {@code PREAU_LARGE_FILES_DIR} (wildfly-config/src/main/cli/08-large-files.cli); when
 * empty, {@code large-files} in WildFly's data folder. Files are named by a random storage name, never by the
 * user's file name.
 */
@ApplicationScoped
public class LargeFileStorage {
    private static final Logger LOG = Logger.getLogger(LargeFileStorage.class.getName());

    public Path root() {
        Path root = Deployment.largeFilesDir();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            LOG.severe("Large-file storage folder " + root + " cannot be created: " + e);
            throw new ServiceUnavailableException(Component.LARGE_FILES, e);
        }
        return root;
    }

    /** The file of a storage name (hex characters only, so never outside the folder). */
    public Path file(String storageName) {
        if (!storageName.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("Bad storage name");
        }
        return root().resolve(storageName);
    }
}
