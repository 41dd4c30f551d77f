/**
 * Settings of the academy (administration), read through {@link fr.preau.settings.AcademySettings}, their rows
 * {@link fr.preau.settings.SettingRows}; a mailbox's preferences are {@code fr.preau.mail.MailboxSettings}.
 */
package fr.preau.settings;
