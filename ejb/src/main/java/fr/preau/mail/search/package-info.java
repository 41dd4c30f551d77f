/**
 * Search across the folders of the caller's mailbox: the query and result types, the service, and the portal's own
 * word index in PostgreSQL (ADR 0030), kept current from IMAP before each search so that what any IMAP client
 * changed is found at once.
 */
package fr.preau.mail.search;
