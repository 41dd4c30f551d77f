package fr.preau.agenda;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/** The school holidays as the administrator {@value #USERNAME} uploads them from the administration page. */
@Stateless
@RunAs("admin")
@RunAsPrincipal(AsHolidaysAdmin.USERNAME)
@PermitAll
public class AsHolidaysAdmin {
    static final String USERNAME = "it.admin";

    @EJB
    private SchoolHolidays holidays;

    public IcsImportReport importFile(byte[] bytes) {
        return holidays.importFile(bytes);
    }

    public HolidayState state() {
        return holidays.state();
    }
}
