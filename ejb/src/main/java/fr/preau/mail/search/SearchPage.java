package fr.preau.mail.search;

import java.util.List;

import fr.preau.mail.FolderInfo;

/** The search page's data: the folder tree with its counts, and the matches. */
public record SearchPage(List<FolderInfo> folders, SearchResult result) {
}
