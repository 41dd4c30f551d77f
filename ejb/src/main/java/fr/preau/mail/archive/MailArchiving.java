package fr.preau.mail.archive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import fr.preau.mail.FolderInfo;
import fr.preau.mail.FolderPath;
import fr.preau.mail.Mailbox;
import fr.preau.mail.MailboxAccess;
import fr.preau.mail.MailboxContext;
import fr.preau.mail.MessageUid;
import fr.preau.mail.SpecialUse;
import fr.preau.settings.AcademySettings;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The nightly archiving of mail (JOB-1, ADR 0092): the accounts and their policies, read in partitions, and the
 * archiving of one account. Called by the job {@code mail-archiving} only.
 */
@Stateless
@PermitAll
public class MailArchiving {
    /**
     * Academy setting: days after which a message is archived (0: no archiving); quota classes and accounts may
     * override it (columns {@code archive_days}).
     */
    public static final String DAYS = "mail.archive.days";
    public static final int DEFAULT_DAYS = 365;

    @Inject
    private ArchiveAccounts accounts;

    @EJB
    private AcademySettings settings;

    @EJB
    private MailboxAccess access;

    @Inject
    private Mailbox mailbox;

    /**
     * Enabled accounts of one partition ({@code id mod partitions = partition}) whose address matches {@code like}
     * (SQL {@code LIKE}; {@code %}: all) and comes after {@code after}, in address order, at most {@code limit}, each
     * with the policy that applies to it.
     */
    public List<ArchivePolicy> accounts(int partition, int partitions, String like, String after, int limit) {
        return accounts.partition(partition, partitions, like, after, limit, academyDays());
    }

    /** The academy's policy: {@value #DEFAULT_DAYS} days unless the setting says otherwise (kept in 0..36500). */
    public int academyDays() {
        int days = settings.integer(DAYS, DEFAULT_DAYS);
        return days < 0 ? DEFAULT_DAYS : Math.min(days, ArchivePolicy.MAX_DAYS);
    }

    /**
     * Moves the account's messages of INBOX and Envoyés dated before {@code cutoff} to {@code Archives/<year>}. Run
     * again, it finds what is left: each move command is atomic and journalled (ADR 0021, 0022), so after any
     * interruption every message is in one folder, once, and a later call finishes the work.
     *
     * <p>One archiver at a time per mailbox: two executions of the job (the night's and one an administrator started,
     * or one a killed server left running and its restart) would otherwise both copy the same old messages before
     * either expunged them. A PostgreSQL advisory lock on the address, held by a local transaction of a connection
     * of its own for the account's whole archiving ({@code pg_advisory_xact_lock}), makes the second wait; then it
     * finds nothing left to move. The transaction's end releases the lock whatever happens, and a server that dies
     * lets it go with its connection.
     *
     * @return how many messages moved
     * @throws fr.preau.shared.NotFoundException the account is gone or disabled
     * @throws fr.preau.shared.ServiceUnavailableException the mail store or the database did not answer
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int archive(String address, LocalDate cutoff) {
        return accounts.oneAtATime(address, () -> archiveLocked(address, cutoff));
    }

    private int archiveLocked(String address, LocalDate cutoff) {
        MailboxContext ctx = access.forJob(address)
                .orElseThrow(() -> new fr.preau.shared.NotFoundException("account.missing", address));
        List<FolderPath> sources = new ArrayList<>(List.of(FolderPath.INBOX));
        mailbox.folders(ctx).stream().filter(f -> f.use() == SpecialUse.SENT).map(FolderInfo::path)
                .forEach(sources::add);
        int moved = 0;
        for (FolderPath folder : sources) {
            List<MessageUid> old = mailbox.sentBefore(ctx, folder, cutoff);
            if (!old.isEmpty()) {
                moved += mailbox.archive(ctx, folder, old);
            }
        }
        return moved;
    }
}
