/** The nightly jobs (Jakarta Batch, job repository in PostgreSQL) and the timer that starts them. */
package fr.preau.batch;
