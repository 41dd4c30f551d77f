/**
 * The nightly job {@code quota-sweep} (issue 11, JOB-2; docs/adr/0093): accounts read in partitions and
 * checkpointed by address, each swept by {@link fr.preau.mail.quota.QuotaSweep} under the role {@code batch}; a
 * mailbox that fails is skipped and reported, several in a row fail the step, to be restarted.
 */
package fr.preau.batch.quota;
