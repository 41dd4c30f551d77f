package fr.preau.mail.search;

/** What the index holds of a folder: every UID below {@code uidNext} of {@code uidValidity}, {@code count} rows. */
public record FolderState(long uidValidity, long uidNext, int count) {
}
