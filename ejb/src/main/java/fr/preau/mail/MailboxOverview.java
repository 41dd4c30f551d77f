package fr.preau.mail;

import java.util.List;

/**
 * What the mail page shows first: the folder tree with its counts, the quota (null without one) and the first page
 * of the folder shown.
 */
public record MailboxOverview(List<FolderInfo> folders, QuotaInfo quota, ListPage firstPage) {
}
