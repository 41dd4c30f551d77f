/**
 * The personal address book ("Contacts", DIR-2): each account's contacts and groups, import of vCard 3/4 files and of
 * the CSV exports of Outlook, Gmail and Thunderbird, export as vCard. {@link fr.preau.contacts.AddressBook} checks
 * that every contact and group it touches belongs to the caller; {@link fr.preau.contacts.ContactRows} holds the SQL;
 * {@link fr.preau.contacts.ContactRules}, {@link fr.preau.contacts.ContactCards} and
 * {@link fr.preau.contacts.ContactCsv} are pure logic. Stored for CardDAV to come (docs/adr/0100).
 */
package fr.preau.contacts;
