package fr.preau.mail.largefile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * The download side of a link, reachable without a portal session: whoever holds the token (256 random bits) may
 * see the file's name, size, sender and expiry, and download it until it expires. Nothing else is reachable: the
 * token is looked up by its SHA-256, never listed.
 */
@Stateless
@PermitAll
@ServiceBoundary
public class LargeFileDownloads {
    @EJB
    private LargeFileRecords records;

    @Inject
    private LargeFileStorage storage;

    /** The link's file, expired or not; empty when the token is unknown. */
    public Optional<LargeFileInfo> find(String token) {
        if (!LinkToken.wellFormed(token)) {
            return Optional.empty();
        }
        return records.byLink(LinkToken.hash(token));
    }

    /** Counts one download and returns the file to stream; empty when unknown, expired or gone. */
    public Optional<Path> download(String token) {
        if (find(token).map(LargeFileInfo::expired).orElse(true)) {
            return Optional.empty();
        }
        Optional<Path> file = records.downloaded(LinkToken.hash(token)).map(storage::file);
        return file.filter(Files::isReadable);
    }
}
