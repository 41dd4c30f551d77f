/** The mail pages: folder list, message list paged from IMAP, reading pane, compose. */
package fr.preau.web.mail;
