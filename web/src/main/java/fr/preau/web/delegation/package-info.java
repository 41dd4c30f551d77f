/** The page "Délégations": grant a delegation of one's mailbox, answer those received, end either (ADR 0103). */
package fr.preau.web.delegation;
