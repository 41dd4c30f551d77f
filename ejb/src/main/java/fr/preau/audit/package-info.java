/**
 * The audit log: who did what to which account, when, from where, and whether it worked. {@link
 * fr.preau.audit.AuditLog} decides who reads what; its rows are {@link fr.preau.audit.AuditEntries} (docs/adr/0085).
 */
package fr.preau.audit;
