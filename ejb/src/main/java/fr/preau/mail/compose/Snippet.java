package fr.preau.mail.compose;

import java.io.Serializable;

/** A signature or a reply template ("modèle"): a name and sanitized HTML; {@code byDefault} for signatures. */
public record Snippet(long id, String name, String html, boolean byDefault) implements Serializable {
}
