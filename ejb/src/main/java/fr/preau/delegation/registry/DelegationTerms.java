package fr.preau.delegation.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import fr.preau.delegation.DelegationRights;
import fr.preau.delegation.MailAccess;
import fr.preau.mail.FolderRights;
import fr.preau.shared.InvalidInputException;

/** The rules of a delegation's terms (pure logic): what it must give, when it ends, which folder rights it sets. */
public final class DelegationTerms {
    /** The academy's days: an end date "until 12 March" holds to the end of that day in Paris. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private DelegationTerms() {
    }

    /**
     * The first instant a delegation ending on {@code until} (included) no longer holds; null when there is no end.
     *
     * @throws InvalidInputException (field {@code until}, {@code delegation.until.past}) a day before today in Paris
     */
    public static Instant endsAt(LocalDate until, Instant now) {
        if (until == null) {
            return null;
        }
        if (until.isBefore(LocalDate.ofInstant(now, ZONE))) {
            throw new InvalidInputException("until", "delegation.until.past", until.toString());
        }
        return until.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /**
     * The rights, checked.
     *
     * @throws InvalidInputException (field {@code rights}, {@code delegation.rights.none}) nothing given at all
     */
    public static DelegationRights checked(DelegationRights rights) {
        if (rights == null || !rights.any()) {
            throw new InvalidInputException("rights", "delegation.rights.none", null);
        }
        return rights;
    }

    /** The rights on the owner's folders that a mail access gives; null for none. */
    public static FolderRights folderRights(MailAccess access) {
        return switch (access) {
            case NONE -> null;
            case READ -> FolderRights.READ;
            case FILE -> FolderRights.READ_AND_FILE;
        };
    }

    /** The last day a delegation ending at {@code endsAt} holds (for pages and mails); null when open. */
    public static LocalDate lastDay(Instant endsAt) {
        return endsAt == null ? null : LocalDate.ofInstant(endsAt, ZONE).minusDays(1);
    }
}
