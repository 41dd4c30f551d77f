package fr.preau.settings.quota;

import java.io.Serializable;

/**
 * A quota class (table {@code quota_class}): the storage limit Dovecot applies to its mailboxes, the largest total
 * of attachments compose lets its members send, and its archiving policy; null limits inherit the academy's
 * settings ({@code mail.attachment.max-mb}, {@code mail.archive.days}).
 *
 * @param accounts how many accounts are in the class (read only)
 */
public record QuotaClass(String code, String label, int storageMb, Integer attachmentMb, Integer archiveDays,
        long accounts) implements Serializable {
    private static final long serialVersionUID = 1L;
}
