package fr.preau.web.agenda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import fr.preau.agenda.Agenda;
import fr.preau.agenda.AgendaCalendar;
import fr.preau.agenda.AgendaFiles;
import fr.preau.agenda.CalendarFile;
import fr.preau.agenda.IcsImportReport;
import fr.preau.web.shared.Feedback;
import fr.preau.web.shared.PortalAddress;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The agenda page's "Importer / exporter" part (issue 14, item 4; docs/adr/0109): a calendar downloaded as
 * {@code .ics} (what the caller may read of it), a file imported into a calendar the caller may change with the list
 * of what was left out, and the private subscription address of one of the caller's calendars, shown once when
 * made ("Révoquer" makes a new one), and the deletion of one of the caller's calendars after a confirmation that
 * says how many events go. One service call per action; the rights are the service's.
 */
@Named
@ViewScoped
public class AgendaFilesView implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The largest file the page accepts, as the service does. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Paris"));

    @EJB
    private AgendaFiles files;

    @EJB
    private Agenda agenda;

    @Inject
    private AgendaView agendaView;

    private Long exportCalendar;
    private Long importCalendar;
    private Long subscriptionCalendar;
    private IcsImportReport report;
    private String address;
    private Long deleteCalendar;
    private String deleteQuestion;

    /** Sends calendar {@link #exportCalendar} as a {@code .ics} download. */
    public void export() {
        if (exportCalendar == null) {
            return;
        }
        try {
            CalendarFile file = files.export(exportCalendar);
            FacesContext faces = FacesContext.getCurrentInstance();
            ExternalContext external = faces.getExternalContext();
            external.responseReset();
            external.setResponseContentType("text/calendar; charset=UTF-8");
            external.setResponseContentLength(file.content().length);
            external.setResponseHeader("Content-Disposition", "attachment; filename=\"" + file.name() + "\"");
            external.setResponseHeader("X-Content-Type-Options", "nosniff");
            try (OutputStream out = external.getResponseOutputStream()) {
                out.write(file.content());
            }
            faces.responseComplete();
        } catch (IOException e) {
            Feedback.error(null, "agenda.export.failed");
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** Imports the file given into calendar {@link #importCalendar}; the report lists what was left out. */
    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        report = null;
        Long calendar = getImportCalendar();
        if (calendar == null) {
            return;
        }
        if (file.getSize() > MAX_BYTES) {
            Feedback.error("ics:file", "agenda.import.tooLarge", MAX_BYTES / (1024 * 1024));
            return;
        }
        try (InputStream in = file.getInputStream()) {
            report = files.importFile(calendar, in.readNBytes(MAX_BYTES + 1));
        } catch (IOException e) {
            Feedback.error("ics:file", "agenda.import.notIcs");
        } catch (RuntimeException e) {
            Feedback.failed(e, "ics");
        }
    }

    /** "Événement « … » ignoré : date de début manquante (ligne 12, UID …)". */
    public String skipped(IcsImportReport.Skipped s) {
        return SkippedEvents.text(s);
    }

    /** Makes a new private address for {@link #subscriptionCalendar} (the old one stops working) and shows it once. */
    public void renew() {
        address = null;
        if (getSubscriptionCalendar() == null) {
            return;
        }
        try {
            String token = files.renewSubscription(subscriptionCalendar);
            address = PortalAddress.base() + "/public/agenda/" + token + ".ics";
            Feedback.info("agenda.subscription.made");
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** Revokes the private address of {@link #subscriptionCalendar}. */
    public void revoke() {
        address = null;
        if (getSubscriptionCalendar() == null) {
            return;
        }
        try {
            files.revokeSubscription(subscriptionCalendar);
            Feedback.info("agenda.subscription.revoked");
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** "Une adresse existe depuis le …", or "Aucune adresse". */
    public String subscriptionState() {
        if (getSubscriptionCalendar() == null) {
            return "";
        }
        try {
            Optional<Instant> since = files.subscriptionSince(subscriptionCalendar);
            return since.map(s -> Feedback.text("agenda.subscription.since", WHEN.format(s)))
                    .orElseGet(() -> Feedback.text("agenda.subscription.none"));
        } catch (RuntimeException e) {
            return "";
        }
    }

    public void calendarChanged() {
        address = null;
    }

    /** The caller's calendars that may be deleted (all but the default one). */
    public List<AgendaCalendar> deletable() {
        return agendaView.getMine().stream().filter(c -> !c.isDefault()).toList();
    }

    /** "Supprimer l'agenda…": the question of the confirmation, with how many events go. */
    public void askDelete() {
        deleteQuestion = null;
        Long id = getDeleteCalendar();
        if (id == null) {
            return;
        }
        try {
            long count = agenda.eventCount(id);
            String name = deletable().stream().filter(c -> c.id() == id).map(AgendaCalendar::name).findFirst()
                    .orElse("");
            deleteQuestion = Feedback.text("agenda.calendar.delete.confirm", name, String.valueOf(count));
            PrimeFaces.current().ajax().addCallbackParam("ask", true);
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /** The deletion confirmed: the calendar and its events go, and the page starts again without it. */
    public String confirmDelete() {
        Long id = getDeleteCalendar();
        if (id == null) {
            return null;
        }
        try {
            String name = deletable().stream().filter(c -> c.id() == id).map(AgendaCalendar::name).findFirst()
                    .orElse("");
            int gone = agenda.deleteCalendar(id);
            Feedback.info("agenda.calendar.deleted", name, String.valueOf(gone));
            Feedback.keepForRedirect();
            return "/agenda.xhtml?faces-redirect=true";
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
            return null;
        }
    }

    /** The calendar chosen for deletion, the first deletable one until one is chosen. */
    public Long getDeleteCalendar() {
        if (deleteCalendar == null) {
            deleteCalendar = deletable().stream().findFirst().map(AgendaCalendar::id).orElse(null);
        }
        return deleteCalendar;
    }

    public void setDeleteCalendar(Long deleteCalendar) {
        this.deleteCalendar = deleteCalendar;
    }

    public String getDeleteQuestion() {
        return deleteQuestion;
    }

    public Long getExportCalendar() {
        return exportCalendar;
    }

    public void setExportCalendar(Long exportCalendar) {
        this.exportCalendar = exportCalendar;
    }

    /** The calendar chosen for an import, the first one the caller may change until one is chosen. */
    public Long getImportCalendar() {
        if (importCalendar == null) {
            importCalendar = agendaView.editableCalendars().stream().findFirst().map(AgendaCalendar::id).orElse(null);
        }
        return importCalendar;
    }

    public void setImportCalendar(Long importCalendar) {
        this.importCalendar = importCalendar;
    }

    /** The calendar whose address is shown, the caller's first until one is chosen. */
    public Long getSubscriptionCalendar() {
        if (subscriptionCalendar == null) {
            subscriptionCalendar = agendaView.getMine().stream().findFirst().map(AgendaCalendar::id).orElse(null);
        }
        return subscriptionCalendar;
    }

    public void setSubscriptionCalendar(Long subscriptionCalendar) {
        this.subscriptionCalendar = subscriptionCalendar;
    }

    public IcsImportReport getReport() {
        return report;
    }

    public String getAddress() {
        return address;
    }
}
