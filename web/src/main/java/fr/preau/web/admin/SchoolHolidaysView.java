package fr.preau.web.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import fr.preau.agenda.HolidayState;
import fr.preau.agenda.IcsImportReport;
import fr.preau.agenda.SchoolHolidays;
import fr.preau.web.agenda.SkippedEvents;
import fr.preau.web.shared.Feedback;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The administration page "Vacances scolaires" (issue 14, item 1; docs/adr/0110): the Ministry's {@code .ics} of the
 * academy's zone uploaded once a year, what was left out of it, and what the academy's holidays hold (periods, first
 * and last day, the zones named). The service checks the role and reads the file.
 */
@Named
@ViewScoped
public class SchoolHolidaysView implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The largest file the page accepts, as the service does. */
    private static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Paris"));

    @EJB
    private SchoolHolidays holidays;

    private IcsImportReport report;
    private HolidayState state;

    /** Imports the file given; the report lists what was left out. */
    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        report = null;
        state = null;
        if (file.getSize() > MAX_BYTES) {
            Feedback.error("holidays:file", "agenda.import.tooLarge", MAX_BYTES / (1024 * 1024));
            return;
        }
        try (InputStream in = file.getInputStream()) {
            report = holidays.importFile(in.readNBytes(MAX_BYTES + 1));
            Feedback.info("admin.holidays.report", report.created(), report.updated(), report.unchanged(),
                    report.skipped().size());
        } catch (IOException e) {
            Feedback.error("holidays:file", "agenda.import.notIcs");
        } catch (RuntimeException e) {
            Feedback.failed(e, "holidays");
        }
    }

    /** "Événement « … » ignoré : date de début manquante (ligne 12, UID …)". */
    public String skipped(IcsImportReport.Skipped s) {
        return SkippedEvents.text(s);
    }

    /** What the academy's holidays hold now. */
    public HolidayState getState() {
        if (state == null) {
            state = holidays.state();
        }
        return state;
    }

    /** "12 périodes, du 18/10/2025 au 04/07/2026". */
    public String summary() {
        HolidayState s = getState();
        return Feedback.text("admin.holidays.summary", String.valueOf(s.periods()), DAY.format(s.first()),
                DAY.format(s.last()));
    }

    /** "Zone(s) indiquée(s) dans le fichier : A", or a warning when no zone is named. */
    public String zones() {
        HolidayState s = getState();
        return s.zones().isEmpty() ? Feedback.text("admin.holidays.noZone")
                : Feedback.text("admin.holidays.zones", String.join(", ", s.zones()));
    }

    /** "Dernier import le …". */
    public String importedAt() {
        HolidayState s = getState();
        return s.importedAt() == null ? "" : Feedback.text("admin.holidays.importedAt", WHEN.format(s.importedAt()));
    }

    public IcsImportReport getReport() {
        return report;
    }
}
