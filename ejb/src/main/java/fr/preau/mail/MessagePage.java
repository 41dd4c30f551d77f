package fr.preau.mail;

import java.util.List;

/** A page of a folder, newest first, with the folder's total so the list can page. */
public record MessagePage(int total, List<MessageSummary> messages) {
}
