/**
 * Large files sent as a download link (capability MAIL-5): streamed to the storage folder in chunks, never held in
 * memory; reachable through an unguessable token until the link expires; purged by the nightly batch job.
 */
package fr.preau.mail.largefile;
