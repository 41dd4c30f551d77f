/** Sanitising the HTML of received mail (OWASP Java HTML Sanitizer); see ADR 0010. */
package fr.preau.mail.html;
