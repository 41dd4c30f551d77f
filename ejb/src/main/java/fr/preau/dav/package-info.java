/**
 * The WebDAV plumbing that CardDAV (and the agenda's CalDAV, issue 14) stand on, pure logic with no server behind it:
 * reading the bodies of PROPFIND and REPORT ({@link fr.preau.dav.DavRequest}), writing a 207 multistatus
 * ({@link fr.preau.dav.Multistatus}), the preconditions {@code If-Match} / {@code If-None-Match}
 * ({@link fr.preau.dav.Preconditions}), sync tokens ({@link fr.preau.dav.SyncToken}) and the refusals a DAV request
 * ends with ({@link fr.preau.dav.DavRefusal}). What a collection holds is the binding's business
 * (docs/adr/0102).
 */
package fr.preau.dav;
