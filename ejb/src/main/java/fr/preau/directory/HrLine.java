package fr.preau.directory;

import fr.preau.shared.SearchText;

/**
 * One person of the HR feed, checked ({@link HrFeed#parse}): every text stripped, the UAI in capitals, phones written
 * the French way ({@code 04 76 12 34 56}), the address in lower case; optional fields null when empty.
 *
 * @param line the line of the feed (the header is line 1)
 */
public record HrLine(int line, String hrId, String lastName, String firstName, StaffFunction function,
        String discipline, String uai, String establishmentName, String establishmentKind, String town,
        String circonscription, String workPhone, String personalPhone, String address) {

    /** The text the directory search matches for this person (folded). */
    public String searchText() {
        return SearchText.of(lastName, firstName, function.french(), discipline, establishmentName, town, uai,
                establishmentKind);
    }
}
