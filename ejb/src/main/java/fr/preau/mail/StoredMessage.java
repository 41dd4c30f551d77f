package fr.preau.mail;

/** A message built once and kept as bytes until it leaves (a scheduled send): its fixed Message-ID and its bytes. */
public record StoredMessage(String messageId, byte[] bytes) {
}
