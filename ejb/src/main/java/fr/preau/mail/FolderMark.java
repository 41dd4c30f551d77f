package fr.preau.mail;

/**
 * What a feature has seen of a folder (the search index): every UID below {@code uidNext} of {@code uidValidity},
 * {@code count} messages.
 */
public record FolderMark(long uidValidity, long uidNext, int count) {
}
