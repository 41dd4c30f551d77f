/**
 * The nightly job {@code mail-archiving} (issue 11, JOB-1; docs/adr/0092): accounts read in partitions and
 * checkpointed by address, each account archived by {@link fr.preau.mail.archive.MailArchiving}; a mailbox the store
 * refuses is skipped and reported, a store or database that stops answering fails the step, to be restarted.
 */
package fr.preau.batch.archive;
