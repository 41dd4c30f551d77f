/**
 * The registry of delegations (DLG-1, DLG-2, DLG-4): an owner grants, the delegate accepts or refuses, either ends;
 * the nightly job ends those past their end date. Acceptance sets the delegate's IMAP rights on the owner's folders
 * through the mail port, the end removes them; every step is audited with both identities (docs/adr/0103).
 */
package fr.preau.delegation.registry;
