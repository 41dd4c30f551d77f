package fr.preau.mail;

import java.util.List;

/** One page of a sorted folder and the folder's total. */
public record ListPage(int total, List<ListedMessage> rows) {
}
