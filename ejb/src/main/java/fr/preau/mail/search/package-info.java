/**
 * Search across the folders of the caller's mailbox: the query and result types, the service, and the portal's own
 * word index in PostgreSQL (ADR 0030), kept current before each search ({@link fr.preau.mail.Mailbox#catchUp},
 * folded by {@code SearchIndexer}) so that what any IMAP client changed is found at once.
 */
package fr.preau.mail.search;
