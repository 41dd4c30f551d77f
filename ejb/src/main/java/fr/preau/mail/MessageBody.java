package fr.preau.mail;

/**
 * The body of a message ready for the reading frame: {@code html} is the sanitiser's output (ADR 0010), written as
 * it is inside the portal's document shell; {@code blockedImages} counts the remote images left out.
 */
public record MessageBody(String html, int blockedImages, boolean remoteImagesShown) {
}
