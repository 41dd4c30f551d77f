package fr.preau.web.agenda;

import java.io.Serializable;

import fr.preau.agenda.AgendaCalendar;
import fr.preau.agenda.SchoolHolidays;
import fr.preau.web.shared.Feedback;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/**
 * The agenda page's "Ajouter les vacances scolaires" (issue 14, item 1; docs/adr/0110): offered when the academy has
 * imported the school holidays and the caller has not added them; adds the read-only calendar and shows the page
 * again with it.
 */
@Named
@ViewScoped
public class AgendaHolidaysView implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private SchoolHolidays holidays;

    private Boolean offered;

    /** Whether the button is shown (asked once per view). */
    public boolean isOffered() {
        if (offered == null) {
            try {
                offered = holidays.offered();
            } catch (RuntimeException e) {
                offered = Boolean.FALSE;
            }
        }
        return offered;
    }

    /** "Ajouter les vacances scolaires": the calendar added, the page again with it. */
    public String add() {
        try {
            AgendaCalendar c = holidays.addCalendar();
            Feedback.info("agenda.holidays.added", c.name());
            Feedback.keepForRedirect();
            return "/agenda.xhtml?faces-redirect=true";
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
            return null;
        }
    }
}
