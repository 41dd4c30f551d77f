package fr.preau.directory;

import java.io.Serializable;

/**
 * A person of the directory as a colleague sees them: professional data, and the personal phone only when its
 * owner shows it ({@link #personalPhone()} is null otherwise, see {@link Directory}).
 */
public record DirectoryEntry(long id, String lastName, String firstName, StaffFunction function, String discipline,
        String uai, String establishment, String town, String establishmentKind, String circonscription,
        String address, String workPhone, String personalPhone, boolean personalPhoneShown, Long accountId)
        implements Serializable {

    /** "Prénom Nom". */
    public String displayName() {
        return firstName + " " + lastName;
    }

    /** The person as a colleague may see them: without the personal phone unless its owner shows it. */
    public DirectoryEntry seenByColleagues() {
        return personalPhoneShown ? this : withoutPrivateData();
    }

    /** The same person without the personal phone. */
    DirectoryEntry withoutPrivateData() {
        return new DirectoryEntry(id, lastName, firstName, function, discipline, uai, establishment, town,
                establishmentKind, circonscription, address, workPhone, null, personalPhoneShown, null);
    }
}
