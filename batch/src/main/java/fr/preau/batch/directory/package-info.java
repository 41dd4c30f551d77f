/**
 * The nightly job {@code directory-import} (issue 12, DIR-4 and JOB-4; docs/adr/0099, docs/directory-feed.md): the HR
 * feed read a chunk at a time and checkpointed by line, then the departures.
 */
package fr.preau.batch.directory;
