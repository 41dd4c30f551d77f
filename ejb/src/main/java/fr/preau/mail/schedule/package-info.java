/**
 * Scheduled send (envoi différé) and the right to disconnect: messages kept in PostgreSQL until their time and sent
 * exactly once by a timer (docs/adr/0050-exactly-once-scheduled-send.md), and the quiet hours of the academy.
 */
package fr.preau.mail.schedule;
