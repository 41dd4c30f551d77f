package fr.preau.mail;

import java.io.IOException;
import java.io.OutputStream;

/** Where {@link ReadingService#download} writes a part: told what comes first, then given the decoded bytes. */
@FunctionalInterface
public interface PartSink {
    /** Called once the part is found; returns the stream its decoded content is copied to. */
    OutputStream start(Attachment part) throws IOException;
}
