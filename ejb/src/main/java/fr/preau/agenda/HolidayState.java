package fr.preau.agenda;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the academy's school holidays hold (the administration page shows it after each upload).
 *
 * @param periods how many periods
 * @param first the first day of the first period, null when there is none
 * @param last the last day of the last period, null when there is none
 * @param zones the zones the periods name ("A", "B", "C", "Corse" …), as written in their titles
 * @param importedAt when the last upload was made, null when there was none
 */
public record HolidayState(int periods, LocalDate first, LocalDate last, List<String> zones, Instant importedAt)
        implements Serializable {
    private static final long serialVersionUID = 1L;
}
