package fr.preau.settings.quota;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import fr.preau.audit.AuditAction;
import fr.preau.audit.AuditEvent;
import fr.preau.shared.InvalidInputException;
import fr.preau.shared.ServiceBoundary;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * The quota classes page (issue 11, item 2; docs/adr/0094): list, create, edit and delete the classes, role
 * {@code admin} only, each change audited ({@link AuditAction#ADMIN_ACTION}, subject {@code quota-class:<code>}, the
 * change in the detail). Input that does not fit is refused with a {@code quota.class.error.*} key and changes
 * nothing; a class that accounts are in, and the class new accounts get ({@value #STANDARD}), cannot be deleted.
 */
@Stateless
@ServiceBoundary
@RolesAllowed("admin")
public class QuotaClasses {
    /** The class of new accounts when none is chosen. */
    public static final String STANDARD = "standard";
    /** Largest storage limit of a class, in MB (1 TB). */
    public static final int MAX_STORAGE_MB = 1_048_576;
    /** Largest attachment limit of a class, in MB: the bound of the academy's {@code mail.attachment.max-mb}. */
    public static final int MAX_ATTACHMENT_MB = 100;
    public static final int MAX_ARCHIVE_DAYS = 36500;
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    @Inject
    private QuotaClassRows rows;

    @Resource
    private SessionContext context;

    @Inject
    private Event<AuditEvent> audit;

    /** Every class, by label, with the number of its accounts. */
    public List<QuotaClass> list() {
        return rows.all();
    }

    /**
     * The attachment limit of the class of the caller's own account, in MB; empty when the class has none (the
     * academy's setting applies) or the caller has no enabled account. Read by compose for the sender; the account is
     * the signed-in caller's (the principal's username or address, as {@code MailboxAccess.own} finds it), never one
     * the caller names.
     */
    @RolesAllowed("user")
    public Optional<Integer> attachmentMb() {
        String caller = context.getCallerPrincipal() == null ? "" : context.getCallerPrincipal().getName();
        String key = caller == null ? "" : caller.trim().toLowerCase(Locale.ROOT);
        return rows.attachmentMbOfEnabled(key);
    }

    /**
     * Creates a class.
     *
     * @throws InvalidInputException a code not made of lower-case letters, digits and hyphens (32 at most) or
     *     already taken, an empty label, a limit out of bounds
     */
    public QuotaClass create(QuotaClass wanted) {
        QuotaClass q = checked(wanted, normalisedCode(wanted.code()));
        if (find(q.code()).isPresent()) {
            throw new InvalidInputException("code", "quota.class.error.exists", q.code());
        }
        rows.insert(q);
        audit("quota class " + q.code() + " created: " + describe(q), q.code());
        return q;
    }

    /**
     * Changes the label and limits of a class (its code stays). Dovecot applies a new storage limit at each
     * mailbox's next login; compose the new attachment limit at the next message.
     *
     * @throws InvalidInputException an unknown class, an empty label, a limit out of bounds
     */
    public void update(QuotaClass wanted) {
        String code = normalisedCode(wanted.code());
        QuotaClass before = find(code).orElseThrow(() -> new InvalidInputException("code", "quota.class.error.unknown",
                code));
        QuotaClass q = checked(wanted, code);
        List<String> changes = new ArrayList<>();
        change(changes, "label", "'" + before.label() + "'", "'" + q.label() + "'");
        change(changes, "storage", before.storageMb() + " MB", q.storageMb() + " MB");
        change(changes, "attachments", megabytes(before.attachmentMb()), megabytes(q.attachmentMb()));
        change(changes, "archive", days(before.archiveDays()), days(q.archiveDays()));
        if (changes.isEmpty()) {
            return;
        }
        rows.update(q);
        audit("quota class " + code + ": " + String.join(", ", changes), code);
    }

    /**
     * Deletes a class that no account is in.
     *
     * @throws InvalidInputException an unknown class, the class {@value #STANDARD}, or a class in use
     *     ({@code quota.class.error.inUse}, argument: how many accounts are in it)
     */
    public void delete(String code) {
        String c = normalisedCode(code);
        QuotaClass q = find(c).orElseThrow(() -> new InvalidInputException("code", "quota.class.error.unknown", c));
        if (STANDARD.equals(c)) {
            throw new InvalidInputException("code", "quota.class.error.default", c);
        }
        // Locks the class: an account put in it meanwhile waits, then is refused by the foreign key.
        long accounts = rows.lockAndCountAccounts(c);
        if (accounts > 0) {
            throw new InvalidInputException("code", "quota.class.error.inUse", Long.toString(accounts));
        }
        rows.delete(c);
        audit("quota class " + c + " deleted: " + describe(q), c);
    }

    private Optional<QuotaClass> find(String code) {
        return list().stream().filter(q -> q.code().equals(code)).findFirst();
    }

    private static String normalisedCode(String code) {
        return code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
    }

    private static QuotaClass checked(QuotaClass q, String code) {
        if (!CODE.matcher(code).matches()) {
            throw new InvalidInputException("code", "quota.class.error.code", code);
        }
        String label = q.label() == null ? "" : q.label().strip();
        if (label.isEmpty() || label.length() > 100) {
            throw new InvalidInputException("label", "quota.class.error.label", label);
        }
        if (q.storageMb() < 1 || q.storageMb() > MAX_STORAGE_MB) {
            throw new InvalidInputException("storage", "quota.class.error.storage", Integer.toString(q.storageMb()));
        }
        if (q.attachmentMb() != null && (q.attachmentMb() < 1 || q.attachmentMb() > MAX_ATTACHMENT_MB)) {
            throw new InvalidInputException("attachment", "quota.class.error.attachment", q.attachmentMb().toString());
        }
        if (q.archiveDays() != null && (q.archiveDays() < 0 || q.archiveDays() > MAX_ARCHIVE_DAYS)) {
            throw new InvalidInputException("archive", "quota.class.error.archive", q.archiveDays().toString());
        }
        return new QuotaClass(code, label, q.storageMb(), q.attachmentMb(), q.archiveDays(), 0);
    }

    private static String describe(QuotaClass q) {
        return "label '" + q.label() + "', storage " + q.storageMb() + " MB, attachments " + megabytes(q.attachmentMb())
                + ", archive " + days(q.archiveDays());
    }

    private static void change(List<String> changes, String what, String before, String after) {
        if (!before.equals(after)) {
            changes.add(what + " " + before + " -> " + after);
        }
    }

    private static String megabytes(Integer mb) {
        return mb == null ? "academy" : mb + " MB";
    }

    private static String days(Integer days) {
        return days == null ? "academy" : days + " days";
    }

    private void audit(String detail, String code) {
        audit.fire(AuditEvent.of(AuditAction.ADMIN_ACTION, context.getCallerPrincipal().getName(),
                "quota-class:" + code, null, true, detail));
    }
}
