/**
 * Export of a folder of the caller's mailbox as an mbox file (mboxrd) or a zip of .eml files, written straight to
 * the response as the mailbox streams it in batches ({@link fr.preau.mail.Mailbox#stream}): a folder of any size never
 * sits in memory.
 */
package fr.preau.mail.export;
