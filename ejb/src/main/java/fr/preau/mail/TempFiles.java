package fr.preau.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

import fr.preau.shared.Deployment;

/**
 * The portal's temporary folder for attachments being written ({@code preau-compose} in WildFly's temporary
 * folder): an upload, or an attachment read back from a stored message, is copied there through a small buffer
 * instead of being held in memory. The compose page deletes its files when it is done; files older than a day (a
 * page abandoned without its end being seen) are deleted whenever a new one is made.
 */
public final class TempFiles {
    private static final Logger LOG = Logger.getLogger(TempFiles.class.getName());
    private static final Duration KEPT = Duration.ofDays(1);
    private static final String PREFIX = "pj-";

    private TempFiles() {
    }

    /** Copies {@code in} to a new temporary file; the attachment refers to it. */
    public static OutgoingAttachment spool(String name, String contentType, InputStream in) throws IOException {
        Path folder = folder();
        sweep(folder);
        Path file = Files.createTempFile(folder, PREFIX, ".bin");
        try {
            long size = Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return new OutgoingAttachment(name, contentType, size, new AttachmentSource.TempFile(file.toString()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** The file's content; only files of the temporary folder are ever read. */
    public static InputStream open(AttachmentSource.TempFile source) throws IOException {
        return Files.newInputStream(checked(source));
    }

    /** Deletes the attachment's temporary file, if it has one. */
    public static void delete(OutgoingAttachment attachment) {
        if (attachment.source() instanceof AttachmentSource.TempFile t) {
            try {
                Files.deleteIfExists(checked(t));
            } catch (IOException | IllegalArgumentException e) {
                LOG.warning("Temporary attachment left for the sweep: " + e);
            }
        }
    }

    private static Path checked(AttachmentSource.TempFile source) throws IOException {
        Path file = Paths.get(source.path()).normalize();
        if (!folder().equals(file.getParent()) || !file.getFileName().toString().startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a temporary attachment");
        }
        return file;
    }

    static Path folder() throws IOException {
        Path folder = Deployment.tempDir().resolve("preau-compose").toAbsolutePath().normalize();
        Files.createDirectories(folder);
        return folder;
    }

    private static void sweep(Path folder) {
        Instant before = Instant.now().minus(KEPT);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*")) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            LOG.warning("Temporary attachments not swept: " + e);
        }
    }
}
