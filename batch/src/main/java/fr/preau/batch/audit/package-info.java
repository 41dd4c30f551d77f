/** The nightly purge of audit entries older than the retention, through the owner's {@code audit_purge} (ADR 0071). */
package fr.preau.batch.audit;
