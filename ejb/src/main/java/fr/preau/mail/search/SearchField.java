package fr.preau.mail.search;

/** Where the words are looked for. */
public enum SearchField {
    ALL, FROM, RECIPIENTS, SUBJECT, BODY, ATTACHMENTS
}
