package fr.preau.mail;

/**
 * Who acts on which mailbox: {@code actor} is the signed-in user, {@code owner} the mailbox they act on (the same
 * person unless a delegation applies). Only {@link MailboxAccess} creates one.
 */
public record MailboxContext(MailAddress actor, MailAddress owner) {
}
