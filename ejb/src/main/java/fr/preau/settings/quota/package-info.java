/**
 * Quota classes (issue 11, item 2; docs/adr/0094): created, edited and deleted by academy administrators, read by
 * compose for the sender's attachment limit; Dovecot reads the storage limit live through {@code mail_server_userdb}.
 * The rows are {@link fr.preau.settings.quota.QuotaClassRows}; the bounds and the audit are
 * {@link fr.preau.settings.quota.QuotaClasses}'.
 */
package fr.preau.settings.quota;
