/**
 * CardDAV over the personal address book and the academy directory (issue 12, item 5; docs/adr/0102):
 * {@link fr.preau.contacts.carddav.CardDavBooks} checks the client's password as IMAP does and serves the caller's own
 * books only; the WebDAV protocol itself is {@code fr.preau.dav}, the HTTP binding the web module's
 * {@code CardDavServlet}.
 */
package fr.preau.contacts.carddav;
