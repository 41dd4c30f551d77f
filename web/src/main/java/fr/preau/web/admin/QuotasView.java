package fr.preau.web.admin;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import fr.preau.identity.AccountAdministration;
import fr.preau.identity.Choice;
import fr.preau.mail.quota.DailyUsage;
import fr.preau.mail.quota.QuotaReport;
import fr.preau.web.shared.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

/**
 * "Quotas" (administrators; establishment administrators for their establishments): the fullest mailboxes of the
 * latest quota sweep and the storage used over the last 30 days, as a chart and as a table (its text alternative).
 * {@link QuotaReport} decides what the caller sees; this view only shows its answers.
 */
@Named
@ViewScoped
public class QuotasView implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM", Locale.FRANCE);

    @EJB
    private QuotaReport report;

    @EJB
    private AccountAdministration administration;

    private String establishment;
    private List<Choice> establishments = List.of();
    private QuotaDataModel mailboxes;
    private List<DailyUsage> growth = List.of();
    private LocalDate latestDay;
    private String chart = "";

    @PostConstruct
    void init() {
        try {
            establishments = administration.establishments();
        } catch (RuntimeException e) {
            Feedback.failed(e, null);
        }
    }

    /**
     * Shows the report of the chosen establishment (none: all the caller's); also the page's action, for a link
     * {@code /admin/quotas?etablissement=UAI}.
     */
    public void show() {
        mailboxes = new QuotaDataModel(report, establishment);
        try {
            latestDay = report.latestDay().orElse(null);
            growth = report.growth(establishment);
        } catch (RuntimeException e) {
            growth = List.of();
            Feedback.failed(e, null);
        }
        chart = chartOf(growth, Feedback.text("admin.quotas.chart.series"));
    }

    /** A Chart.js line chart of the storage used (MB) day by day. */
    static String chartOf(List<DailyUsage> days, String series) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder values = Json.createArrayBuilder();
        for (DailyUsage d : days) {
            labels.add(d.day().format(DAY));
            values.add(Math.round(d.usedKb() / 1024.0 * 10) / 10.0);
        }
        return Json.createObjectBuilder().add("type", "line")
                .add("data", Json.createObjectBuilder().add("labels", labels)
                        .add("datasets", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("label", series).add("data", values).add("fill", false)
                                .add("borderColor", "#1f5fa8").add("backgroundColor", "#1f5fa8"))))
                .add("options", Json.createObjectBuilder().add("animation", false)
                        .add("maintainAspectRatio", false))
                .build().toString();
    }

    /** Megabytes, one decimal, in the page's language ("1 745,2 Mo", "1,745.2 MB"). */
    public String megabytes(long kb) {
        Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        return Feedback.text("admin.quotas.mb", String.format(locale, "%,.1f", kb / 1024.0));
    }

    public String getEstablishment() {
        return establishment;
    }

    public void setEstablishment(String establishment) {
        this.establishment = establishment;
    }

    public List<Choice> getEstablishments() {
        return establishments;
    }

    public QuotaDataModel getMailboxes() {
        return mailboxes;
    }

    public List<DailyUsage> getGrowth() {
        return growth;
    }

    public LocalDate getLatestDay() {
        return latestDay;
    }

    /** The latest swept day as the page's language writes it. */
    public String getLatestDayText() {
        return latestDay == null ? "" : latestDay.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(FacesContext.getCurrentInstance().getViewRoot().getLocale()));
    }

    public String getChart() {
        return chart;
    }
}
